import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/core/client/api-fetch";
import { diffKeys } from "@/lib/diff/client/use-diff";
import { diffUrls, type DiffSides } from "@/lib/diff/client/urls";
import type { PromoteOp, PromoteResult } from "@/lib/promote/schema";

export type PromotePlanResult = Extract<PromoteResult, { dryRun: true }>;
export type PromoteApplyResult = Extract<PromoteResult, { dryRun: false }>;
type Selection = { paths?: string[]; deleteExtra?: boolean };

/** The dry run: what a promotion of the selected nodes would write on the right (nothing written). */
export function usePromotePlan(sides: DiffSides) {
  return useMutation({
    mutationFn: (s: Selection) => apiFetch<PromotePlanResult>(diffUrls.promote(sides), { method: "POST", body: { ...s, dryRun: true } }),
  });
}

/** The apply, checked against the plan the operator reviewed; the diff is refreshed after. */
export function usePromoteApply(sides: DiffSides) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: Selection & { plan: PromoteOp[]; reason?: string }) =>
      apiFetch<PromoteApplyResult>(diffUrls.promote(sides), { method: "POST", body: { ...v, dryRun: false, reason: v.reason || undefined } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: diffKeys.run(sides) }),
  });
}
