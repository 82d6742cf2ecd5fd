import { DiffScreen } from "./client";

export default function DiffPage() {
  return <DiffScreen />;
}
