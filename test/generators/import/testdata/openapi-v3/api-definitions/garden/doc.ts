/**
 * The garden.example.com API group.
 *
 * +groupName=garden.example.com
 * +package=garden.example.com
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
