import { describeStoreConformance } from "../../testing/store-conformance";
import { memoryStore } from "./memory-store";

describeStoreConformance("memoryStore", async () => ({ store: memoryStore() }));
