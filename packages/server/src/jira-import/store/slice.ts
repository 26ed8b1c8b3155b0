import type { JiraImportStore } from "./types";

export interface JiraImportStoreSlice {
  readonly jiraImport: JiraImportStore;
}
