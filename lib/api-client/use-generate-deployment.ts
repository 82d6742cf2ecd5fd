import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { healthUrls } from "./health-keys";
import type { DeploymentInput, GeneratedDeployment } from "./health-types";

export function useGenerateDeployment() {
  return useMutation({
    mutationFn: (input: DeploymentInput) => apiFetch<GeneratedDeployment>(healthUrls.generate(), { method: "POST", body: input }),
  });
}
