/**
 * The stable.example.com API group.
 *
 * +groupName=stable.example.com
 * +package=stable.example.com
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
