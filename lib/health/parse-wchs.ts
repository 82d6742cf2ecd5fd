// `wchs`: "1 connections watching 2 paths\nTotal watches:2"
export type WatchSummary = { connections: number; paths: number; watches: number };

export function parseWchs(text: string): WatchSummary | null {
  const head = /^(\d+) connections watching (\d+) paths$/m.exec(text);
  const total = /^Total watches:\s*(\d+)$/m.exec(text);
  if (!head || !total) return null;
  return { connections: Number(head[1]), paths: Number(head[2]), watches: Number(total[1]) };
}
