import { defineModule } from "../module";
import { linkRepository } from "./routes/link-repository";
import { listGitHubReferences } from "./routes/list-references";
import { listGitHubRepositories } from "./routes/list-repositories";
import { listRepositoryLinks } from "./routes/list-repository-links";
import { unlinkRepository } from "./routes/unlink-repository";
import { memoryGitHub } from "./store/memory";
import type { GitHubStoreSlice } from "./store/slice";
import { sqlGitHub } from "./store/sql";
import { githubWebhookReceiver } from "./webhook-receiver";

/** Repositories linked to projects, and pull requests and commits that mention issue keys. */
export const githubModule = defineModule<GitHubStoreSlice>({
  name: "github",
  store: {
    memory: () => ({ github: memoryGitHub() }),
    sql: (db, options) => ({ github: sqlGitHub(db, options) }),
  },
  // Its tables came with the integrations module's 0004_oauth.
  routes: [
    listGitHubRepositories,
    listRepositoryLinks,
    linkRepository,
    unlinkRepository,
    listGitHubReferences,
  ],
  inbound: [githubWebhookReceiver],
});
