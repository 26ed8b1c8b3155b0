import { describeStoreConformance } from "../store-conformance.test-suite";
import { memoryStore } from "./memory-store";

describeStoreConformance("memoryStore", async () => ({ store: memoryStore() }));
