// The hex dump and byte helpers live with the editor's modes; re-exported for the read-only view.
export { base64ToBytes } from "@/lib/editing/bytes";
export { HEX_DUMP_LIMIT, hexDump } from "@/lib/editing/hex";
