import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import type { DeploymentInput, GeneratedDeployment } from "./types";
import { ensembleUrls } from "./urls";

export function useGenerateDeployment() {
  return useMutation({
    mutationFn: (input: DeploymentInput) => apiFetch<GeneratedDeployment>(ensembleUrls.generate(), { method: "POST", body: input }),
  });
}
