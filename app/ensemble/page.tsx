import { DeployScreen } from "@/components/ensemble/deploy-screen";

export default function EnsemblePage() {
  return <DeployScreen />;
}
