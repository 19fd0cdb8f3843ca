import type * as widgets from '../types.js';
import type * as v1 from './types.js';
import {
  autoConvert_v1_WidgetSpec_To_widgets_WidgetSpec,
  autoConvert_widgets_WidgetSpec_To_v1_WidgetSpec,
  autoConvert_widgets_Port_To_v1_Port,
  autoConvert_widgets_Widget_To_v1_Widget,
} from '../../../generated/widgets/v1/conversion.generated.js';

/** v1 called replicas replicaCount. */
export function Convert_v1_WidgetSpec_To_widgets_WidgetSpec(input: v1.WidgetSpec): widgets.WidgetSpec {
  const out = autoConvert_v1_WidgetSpec_To_widgets_WidgetSpec(input);
  if (input.replicaCount != null) out.replicas = input.replicaCount;
  return out;
}

/** Fields v1 lacks (parts, selector, template, timeout, tags) are dropped. */
export function Convert_widgets_WidgetSpec_To_v1_WidgetSpec(input: widgets.WidgetSpec): v1.WidgetSpec {
  const out = autoConvert_widgets_WidgetSpec_To_v1_WidgetSpec(input);
  if (input.replicas != null) out.replicaCount = input.replicas;
  return out;
}

/** v1 ports have no protocol: only TCP existed. */
export function Convert_widgets_Port_To_v1_Port(input: widgets.Port): v1.Port {
  return autoConvert_widgets_Port_To_v1_Port(input);
}

/** v1 widgets have no status. */
export function Convert_widgets_Widget_To_v1_Widget(input: widgets.Widget): v1.Widget {
  return autoConvert_widgets_Widget_To_v1_Widget(input);
}
