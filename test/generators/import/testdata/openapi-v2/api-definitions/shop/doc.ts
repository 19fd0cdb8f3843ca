/**
 * The shop.example.com API group.
 *
 * +groupName=shop.example.com
 * +package=shop.example.com
 * +versionPriority=v1
 * +storageVersion=v1
 */
export {};
