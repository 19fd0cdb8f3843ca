/**
 * A small group exercising every generator.
 *
 * +groupName=widgets.example.com
 * +versionPriority=v2,v1
 * +storageVersion=v2
 */
export {};
