/**
 * +groupName=things.example.com
 */
export {};
