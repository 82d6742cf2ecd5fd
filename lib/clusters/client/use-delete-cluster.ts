import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Done } from "@/lib/core/client/answer";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { clusterKeys } from "./keys";
import type { Cluster } from "./types";
import { clusterUrls } from "./urls";

/** Removes the row at once and puts it back if the server refuses. */
export function useDeleteCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Done>(clusterUrls.cluster(id), { method: "DELETE" }),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: clusterKeys.list() });
      const previous = queryClient.getQueryData<Cluster[]>(clusterKeys.list());
      queryClient.setQueryData<Cluster[]>(clusterKeys.list(), (list) => list?.filter((c) => c.id !== id));
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context?.previous) queryClient.setQueryData(clusterKeys.list(), context.previous);
    },
    onSettled: (_data, _error, id) => {
      queryClient.removeQueries({ queryKey: clusterKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: clusterKeys.list() });
    },
  });
}
