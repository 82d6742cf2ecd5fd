// URLs of the ensemble endpoints: dynamic config, reconfiguration, deployment generator.
const ensemble = (id: string) => `/api/v1/ensemble/${encodeURIComponent(id)}`;

export const ensembleUrls = {
  config: (id: string) => `${ensemble(id)}/config`,
  plan: (id: string) => `${ensemble(id)}/reconfig/plan`,
  reconfig: (id: string) => `${ensemble(id)}/reconfig`,
  generate: () => "/api/v1/ensemble/generate",
};
