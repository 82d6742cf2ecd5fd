import { AddClusterForm } from "@/components/clusters/add-cluster-form";
import { ClusterList } from "@/components/clusters/cluster-list";

export default function ClustersPage() {
  return (
    <div className="page">
      <h1>Clusters</h1>
      <ClusterList />
      <AddClusterForm />
    </div>
  );
}
