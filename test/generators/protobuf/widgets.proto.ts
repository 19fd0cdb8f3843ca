/**
 * The golden case as a .proto text, with the scalar messages as upstream declares them
 * (k8s.io/apimachinery generated.proto), for protobufjs's reflection encoder to check the
 * generated codecs' bytes against.
 */
export const WIDGETS_PROTO = `
syntax = "proto2";
package widgets;

message Time { optional int64 seconds = 1; optional int32 nanos = 2; }
message MicroTime { optional int64 seconds = 1; optional int32 nanos = 2; }
message Quantity { optional string string = 1; }
message IntOrString { optional int64 type = 1; optional int32 intVal = 2; optional string strVal = 3; }
message Duration { optional int64 duration = 1; }
message RawExtension { optional bytes raw = 1; }
message FieldsV1 { optional bytes Raw = 1; }
message JSON { optional bytes raw = 1; }

message ObjectMeta {
  optional string name = 1;
  optional string namespace = 3;
  optional string uid = 5;
  optional string resourceVersion = 6;
  optional int64 generation = 7;
  optional Time creationTimestamp = 8;
  map<string, string> labels = 11;
  map<string, string> annotations = 12;
  repeated string finalizers = 14;
}

message ListMeta {
  optional string resourceVersion = 2;
  optional string continue = 3;
  optional int64 remainingItemCount = 4;
}

message ExtraValue { repeated string items = 1; }
message Container { optional string name = 1; optional string image = 2; }
message Strategy { optional string type = 1; optional IntOrString maxSurge = 2; }

message WidgetSpec {
  optional string name = 1;
  optional int32 replicas = 2;
  optional int64 revision = 3;
  optional double ratio = 4;
  optional bool paused = 5;
  optional bytes payload = 6;
  optional Time startTime = 7;
  optional MicroTime renewTime = 8;
  optional Quantity memory = 9;
  optional IntOrString port = 10;
  optional Duration timeout = 11;
  optional RawExtension template = 12;
  optional JSON settings = 13;
  optional FieldsV1 managed = 14;
  map<string, string> selector = 15;
  repeated string tags = 16;
  repeated int32 ports = 17;
  repeated Container containers = 18;
  optional string phase = 19;
  optional Container sidecar = 20;
  map<string, Quantity> limits = 21;
  map<string, Container> containersByName = 22;
  map<string, ExtraValue> extra = 23;
  optional ExtraValue groups = 24;
  optional bool x_extension = 25;
  repeated Time checkpoints = 26;
  optional Strategy strategy = 27;
  map<string, int64> scores = 28;
  repeated Volume volumes = 29;
  repeated NamedRule rules = 30;
}

message VolumeSource { optional string hostPath = 1; optional Container emptyDir = 2; }
message Volume { optional string name = 1; optional VolumeSource volumeSource = 2; }
message Rule { repeated string apiGroups = 1; optional string scope = 2; }
message RuleWithOperations { repeated string operations = 1; optional Rule rule = 2; }
message NamedRule { repeated string resourceNames = 1; optional RuleWithOperations ruleWithOperations = 2; }

message WidgetStatus {
  optional int64 observedGeneration = 1;
  optional string phase = 2;
  optional Time lastUpdate = 3;
}

message Widget {
  optional ObjectMeta metadata = 1;
  optional WidgetSpec spec = 2;
  optional WidgetStatus status = 3;
}

message WidgetList {
  optional ListMeta metadata = 1;
  repeated Widget items = 2;
}

// The same numbers, written the ways other encoders may: packed, and with fields the codecs do not know.
message PackedPorts { repeated int32 ports = 17 [packed = true]; }
message WidgetSpecFromTheFuture {
  optional string name = 1;
  optional fixed64 f100 = 100;
  optional fixed32 f101 = 101;
  optional string f102 = 102;
  optional int64 f103 = 103;
  optional Container f104 = 104;
  optional group F105 = 105 { optional string inner = 1; }
  optional Strategy strategy = 27;
}

message TypeMeta { optional string apiVersion = 1; optional string kind = 2; }
message Unknown {
  optional TypeMeta typeMeta = 1;
  optional bytes raw = 2;
  optional string contentEncoding = 3;
  optional string contentType = 4;
}
`;
