// Test helper: a real local ZooKeeper (standalone or ensemble) for a test file.
import { startEnsemble, type LocalEnsemble } from "../../lib/ensemble/launcher";

export async function withEnsemble(size = 1, opts: Parameters<typeof startEnsemble>[0] extends infer O ? Omit<O & object, "size"> : never = {}): Promise<LocalEnsemble> {
  return startEnsemble({ size, ...opts });
}
