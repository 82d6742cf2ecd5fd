// Shapes of the ensemble endpoints, derived from the server's schemas and verbs (type-only imports).
import type { currentConfig, ReconfigPlan } from "@/lib/ensemble/plan-reconfig";
import type { GeneratedDeployment } from "@/lib/ensemble/generate-deployment";
import type { DeploymentInput } from "@/lib/ensemble/deployment-schema";
import type { ReconfigChange } from "@/lib/ensemble/reconfig-schema";

export type EnsembleConfigView = Awaited<ReturnType<typeof currentConfig>>;
export type { ReconfigPlan, GeneratedDeployment, DeploymentInput, ReconfigChange };
