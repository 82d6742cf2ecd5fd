import { DeployScreen } from "./client";

export default function EnsemblePage() {
  return <DeployScreen />;
}
