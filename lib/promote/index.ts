export { promote } from "./promote";
export * from "./schema";
