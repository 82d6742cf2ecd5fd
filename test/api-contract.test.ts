// The browser's types hold what the routes answer: each route's answer (its handler's result, as
// JSON) must fit the type the browser reads it as. Checked by tsc (and `next build`): a route that
// renames, drops or rewraps a field fails here, naming the route. At run time there is nothing to do.
import { describe, expectTypeOf, it } from "vitest";
import type { AnswerOf } from "@/lib/access/route";
import type { Done, Wire } from "@/lib/core/client/answer";
import type * as acl from "@/lib/acl/client/types";
import type * as admin from "@/lib/admin/client/types";
import type * as audit from "@/lib/audit/client/types";
import type * as clusters from "@/lib/clusters/client/types";
import type * as ensemble from "@/lib/ensemble/client/types";
import type * as health from "@/lib/health/client/types";
import type * as recipes from "@/lib/recipes/client/types";
import type * as tokens from "@/lib/tokens/client/types";
import type * as znodes from "@/lib/znodes/client/types";
import type * as aclRoute from "@/app/api/v1/clusters/[id]/acl/route";
import type * as aclRecursiveRoute from "@/app/api/v1/clusters/[id]/acl/recursive/route";
import type * as alertsRoute from "@/app/api/v1/clusters/[id]/health/alerts/route";
import type * as auditEntryRoute from "@/app/api/v1/audit/[id]/route";
import type * as auditRoute from "@/app/api/v1/audit/route";
import type * as childrenRoute from "@/app/api/v1/clusters/[id]/children/route";
import type * as clusterRoute from "@/app/api/v1/clusters/[id]/route";
import type * as clustersRoute from "@/app/api/v1/clusters/route";
import type * as configRoute from "@/app/api/v1/ensemble/[clusterId]/config/route";
import type * as copyRoute from "@/app/api/v1/clusters/[id]/copy/route";
import type * as credentialRoute from "@/app/api/v1/clusters/[id]/credentials/[credentialId]/route";
import type * as credentialsRoute from "@/app/api/v1/clusters/[id]/credentials/route";
import type * as digestRoute from "@/app/api/v1/acl/digest/route";
import type * as forceReleaseRoute from "@/app/api/v1/clusters/[id]/recipes/force-release/route";
import type * as generateRoute from "@/app/api/v1/ensemble/generate/route";
import type * as grantRoute from "@/app/api/v1/admin/grants/[id]/route";
import type * as grantsRoute from "@/app/api/v1/admin/grants/route";
import type * as groupsRoute from "@/app/api/v1/admin/groups/route";
import type * as healthRoute from "@/app/api/v1/clusters/[id]/health/route";
import type * as historyRoute from "@/app/api/v1/clusters/[id]/health/history/route";
import type * as multiRoute from "@/app/api/v1/clusters/[id]/multi/route";
import type * as importRoute from "@/app/api/v1/clusters/[id]/import/route";
import type * as planRoute from "@/app/api/v1/ensemble/[clusterId]/reconfig/plan/route";
import type * as presetRoute from "@/app/api/v1/acl/presets/[presetId]/route";
import type * as presetsRoute from "@/app/api/v1/acl/presets/route";
import type * as recipesRoute from "@/app/api/v1/clusters/[id]/recipes/route";
import type * as reconfigRoute from "@/app/api/v1/ensemble/[clusterId]/reconfig/route";
import type * as restoreRoute from "@/app/api/v1/audit/[id]/restore/route";
import type * as sessionsRoute from "@/app/api/v1/clusters/[id]/sessions/route";
import type * as serviceAccountsRoute from "@/app/api/v1/admin/service-accounts/route";
import type * as settingsRoute from "@/app/api/v1/admin/settings/route";
import type * as subtreeRoute from "@/app/api/v1/clusters/[id]/subtree/route";
import type * as testRoute from "@/app/api/v1/clusters/test/route";
import type * as tokenRoute from "@/app/api/v1/tokens/[id]/route";
import type * as tokensRoute from "@/app/api/v1/tokens/route";
import type * as userRoute from "@/app/api/v1/admin/users/[id]/route";
import type * as usersRoute from "@/app/api/v1/admin/users/route";
import type * as verifyRoute from "@/app/api/v1/audit/verify/route";
import type * as checkpointRoute from "@/app/api/v1/audit/checkpoint/route";
import type * as znodeHistoryRoute from "@/app/api/v1/audit/history/route";
import type * as znodeRoute from "@/app/api/v1/clusters/[id]/znode/route";

/** A route answering a raw Response has no answer type, and `never` would fit anything: refused. */
type Checked<T> = [T] extends [never] ? { problem: "the route answers a raw Response: type its body (NextResponse.json, withProgress)" } : T;
const answer = <Route>() => expectTypeOf<Checked<Wire<AnswerOf<Route>>>>();

describe("the browser's types hold the routes' answers", () => {
  it("clusters", () => {
    answer<typeof clustersRoute.GET>().toExtend<clusters.ClusterList>();
    answer<typeof clustersRoute.POST>().toExtend<clusters.ClusterAnswer>();
    answer<typeof clusterRoute.GET>().toExtend<clusters.ClusterAnswer>();
    answer<typeof clusterRoute.PATCH>().toExtend<clusters.ClusterAnswer>();
    answer<typeof clusterRoute.DELETE>().toExtend<Done>();
    answer<typeof testRoute.POST>().toExtend<clusters.ConnectionTestResult>();
  });

  it("znodes", () => {
    answer<typeof znodeRoute.GET>().toExtend<znodes.Znode>();
    answer<typeof znodeRoute.POST>().toExtend<znodes.CreateZnodeResult>();
    answer<typeof znodeRoute.PUT>().toExtend<znodes.SetDataResult>();
    answer<typeof znodeRoute.DELETE>().toExtend<znodes.DeleteResult>();
    answer<typeof childrenRoute.GET>().toExtend<znodes.ChildrenPage>();
    answer<typeof subtreeRoute.GET>().toExtend<znodes.SubtreePreview>();
    answer<typeof copyRoute.POST>().toExtend<znodes.CopyResult>();
    answer<typeof multiRoute.POST>().toExtend<znodes.MultiResult>();
    answer<typeof importRoute.POST>().toExtend<znodes.ImportPlan | znodes.ImportReport>();
  });

  it("ACLs, presets and credentials", () => {
    answer<typeof aclRoute.GET>().toExtend<acl.AclState>();
    answer<typeof aclRoute.PUT>().toExtend<acl.SetAclResult>();
    answer<typeof aclRecursiveRoute.POST>().toExtend<acl.RecursiveAclPreview | acl.RecursiveAclResult>();
    answer<typeof digestRoute.POST>().toExtend<acl.DigestAnswer>();
    answer<typeof presetsRoute.GET>().toExtend<acl.PresetList>();
    answer<typeof presetsRoute.POST>().toExtend<acl.PresetAnswer>();
    answer<typeof presetRoute.PUT>().toExtend<acl.PresetAnswer>();
    answer<typeof presetRoute.DELETE>().toExtend<Done>();
    answer<typeof credentialsRoute.GET>().toExtend<acl.CredentialList>();
    answer<typeof credentialsRoute.POST>().toExtend<acl.CredentialAnswer>();
    answer<typeof credentialRoute.DELETE>().toExtend<Done>();
  });

  it("audit trail", () => {
    answer<typeof auditRoute.GET>().toExtend<audit.AuditPage>();
    answer<typeof auditEntryRoute.GET>().toExtend<audit.AuditEntryAnswer>();
    answer<typeof znodeHistoryRoute.GET>().toExtend<audit.ZnodeHistory>();
    answer<typeof restoreRoute.POST>().toExtend<audit.RestoreResult>();
    answer<typeof verifyRoute.POST>().toExtend<audit.VerifyResult>();
    answer<typeof checkpointRoute.POST>().toExtend<audit.CheckpointResult>();
  });

  it("administration", () => {
    answer<typeof usersRoute.GET>().toExtend<admin.UserList>();
    answer<typeof userRoute.PATCH>().toExtend<admin.UpdatedUser>();
    answer<typeof grantsRoute.GET>().toExtend<admin.GrantList>();
    answer<typeof grantsRoute.POST>().toExtend<admin.CreatedGrant>();
    answer<typeof grantRoute.DELETE>().toExtend<Done>();
    answer<typeof groupsRoute.GET>().toExtend<admin.GroupList>();
    answer<typeof settingsRoute.GET>().toExtend<admin.AuthSettings>();
    answer<typeof settingsRoute.PATCH>().toExtend<admin.AuthSettings>();
  });

  it("API tokens and service accounts", () => {
    answer<typeof tokensRoute.GET>().toExtend<tokens.TokenList>();
    answer<typeof tokensRoute.POST>().toExtend<tokens.CreatedToken>();
    answer<typeof tokenRoute.DELETE>().toExtend<tokens.RevokedToken>();
    answer<typeof serviceAccountsRoute.GET>().toExtend<tokens.ServiceAccountList>();
    answer<typeof serviceAccountsRoute.POST>().toExtend<tokens.CreatedServiceAccount>();
  });

  it("health, sessions, recipes and the ensemble", () => {
    answer<typeof healthRoute.GET>().toExtend<health.ClusterHealth>();
    answer<typeof historyRoute.GET>().toExtend<health.HealthHistory>();
    answer<typeof alertsRoute.GET>().toExtend<health.AlertList>();
    answer<typeof sessionsRoute.GET>().toExtend<health.SessionsView>();
    answer<typeof recipesRoute.GET>().toExtend<recipes.RecipesView>();
    answer<typeof forceReleaseRoute.POST>().toExtend<recipes.ForceReleaseResult>();
    answer<typeof configRoute.GET>().toExtend<ensemble.EnsembleConfigView>();
    answer<typeof planRoute.POST>().toExtend<ensemble.ReconfigPlan>();
    answer<typeof reconfigRoute.POST>().toExtend<ensemble.ReconfigResult>();
    answer<typeof generateRoute.POST>().toExtend<ensemble.GeneratedDeployment>();
  });
});
