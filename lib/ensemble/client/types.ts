// Shapes of the ensemble endpoints as the browser sees them, derived from the server's schemas and
// verbs (type-only imports).
import type { z } from "zod";
import type { Answer } from "@/lib/core/client/answer";
import type { applyReconfig } from "@/lib/ensemble/apply-reconfig";
import type { deploymentInput } from "@/lib/ensemble/schema";
import type { generateDeployment } from "@/lib/ensemble/generate-deployment";
import type { currentConfig, planReconfig } from "@/lib/ensemble/plan-reconfig";
import type { reconfigApply, reconfigChange } from "@/lib/ensemble/schema";

export type EnsembleConfigView = Answer<typeof currentConfig>;
export type ReconfigChange = z.input<typeof reconfigChange>;
export type ReconfigPlan = Answer<typeof planReconfig>;
export type ReconfigApply = z.input<typeof reconfigApply>;
export type ReconfigResult = Answer<typeof applyReconfig>;
export type DeploymentInput = z.input<typeof deploymentInput>;
export type GeneratedDeployment = Answer<typeof generateDeployment>;
