import { defineModule } from "../module";
import { apiKeys } from "./migrations/0003-api-keys";
import { createApiKey } from "./routes/create-api-key";
import { getApiKey } from "./routes/get-api-key";
import { getApiKeyUsage } from "./routes/get-api-key-usage";
import { listApiKeys } from "./routes/list-api-keys";
import { revokeApiKey } from "./routes/revoke-api-key";
import { rotateApiKey } from "./routes/rotate-api-key";
import { updateApiKey } from "./routes/update-api-key";
import { memoryApiKeys } from "./store/memory";
import { memoryRateLimits } from "./store/memory-rate-limits";
import type { ApiKeysStoreSlice } from "./store/slice";
import { sqlApiKeys } from "./store/sql";
import { sqlRateLimits } from "./store/sql-rate-limits";

/** Scoped API keys: issue, rotate with grace, revoke, rate-limit and count usage. */
export const apiKeysModule = defineModule<ApiKeysStoreSlice>({
  name: "api-keys",
  store: {
    memory: () => ({ apiKeys: memoryApiKeys(), rateLimits: memoryRateLimits() }),
    sql: (db, options) => ({ apiKeys: sqlApiKeys(db, options), rateLimits: sqlRateLimits(db) }),
  },
  migrations: { "0003_api_keys": apiKeys },
  routes: [
    listApiKeys,
    createApiKey,
    getApiKey,
    updateApiKey,
    rotateApiKey,
    revokeApiKey,
    getApiKeyUsage,
  ],
});
