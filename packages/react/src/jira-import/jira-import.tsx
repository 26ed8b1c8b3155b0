import type { JiraMapping, JiraPreview, JiraSource } from "@plugboard/core";
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from "react";
import { SkeletonRows } from "../parts/skeleton-rows";
import { useStrings } from "../provider/plugboard-provider";
import { cx, useRootProps } from "../provider/root-props";
import type { JiraScope } from "./choose-step";
import { ConnectStep } from "./connect-step";
import { useJiraPreview, useStartJiraImport } from "./use-jira-import";

// The wizard loads a step's code while the step before it is open, so the page pays only for
// the first step (tsup.config.ts names the files).
const loadStep = {
  choose: () => import("./choose-step"),
  map: () => import("./map-step"),
  dryRun: () => import("./dry-run-step"),
  import: () => import("./import-step"),
};
const ChooseStep = lazy(async () => ({ default: (await loadStep.choose()).ChooseStep }));
const MapStep = lazy(async () => ({ default: (await loadStep.map()).MapStep }));
const DryRunStep = lazy(async () => ({ default: (await loadStep.dryRun()).DryRunStep }));
const ImportStep = lazy(async () => ({ default: (await loadStep.import()).ImportStep }));

export type JiraImportStep = "connect" | "choose" | "map" | "dryRun" | "import";

export type JiraImportPart =
  | "header"
  | "title"
  | "steps"
  | "step"
  | "connect"
  | "choose"
  | "map"
  | "dryRun"
  | "import";

export interface JiraImportProps {
  /** Class for the root. */
  className?: string;
  /** Classes for the inner parts: the header, the step list and each step's body. */
  classNames?: Partial<Record<JiraImportPart, string>>;
}

const steps: JiraImportStep[] = ["connect", "choose", "map", "dryRun", "import"];

interface Wizard {
  step: JiraImportStep;
  source: JiraSource | null;
  scope: JiraScope | null;
  /** What the source holds for the scope, the suggested mapping and the latest dry run. */
  preview: JiraPreview | null;
  mapping: JiraMapping | null;
  runId: string | null;
}

const start: Wizard = {
  step: "connect",
  source: null,
  scope: null,
  preview: null,
  mapping: null,
  runId: null,
};

/**
 * Jira import (admins) as one wizard: connect Jira Cloud or upload a CSV export, choose the Jira
 * and host projects, map statuses, priorities, types, people and sprints, look at a dry run
 * (nothing written), then import with live progress and cancel, its report, and re-run (issues
 * imported before are updated, never duplicated). Each step's heading takes focus as it opens.
 */
export function JiraImport({ className, classNames = {} }: JiraImportProps) {
  const strings = useStrings();
  const titleId = useId();
  const [wizard, setWizard] = useState<Wizard>(start);
  const go = (next: Partial<Wizard>) => setWizard((current) => ({ ...current, ...next }));
  const dryRun = useJiraPreview();
  const startImport = useStartJiraImport();
  // Not on mount (the page decides where focus starts); after that, each new step's heading.
  const mounted = useRef(false);
  const focusHeading = useCallback((node: HTMLHeadingElement | null) => {
    if (!node) return;
    if (mounted.current) node.focus();
    mounted.current = true;
  }, []);
  const rootProps = useRootProps("pb-jira-import", className);
  const index = steps.indexOf(wizard.step);
  useEffect(() => {
    const next = steps[index + 1];
    if (next && next !== "connect") void loadStep[next]();
  }, [index]);

  /** `incremental`: only issues updated since the last finished run (Cloud sources). */
  const runImport = (incremental = false) => {
    if (!wizard.scope || !wizard.mapping) return;
    startImport.mutate(
      { ...wizard.scope, mapping: wizard.mapping, incremental },
      { onSuccess: (run) => go({ step: "import", runId: run.id }) },
    );
  };

  let body = null;
  if (wizard.step === "connect") {
    body = (
      <ConnectStep
        className={classNames.connect}
        onConnected={(source) =>
          go({
            step: "choose",
            source,
            // Another source: what was chosen for the last one no longer applies.
            ...(source.id === wizard.source?.id
              ? {}
              : { scope: null, preview: null, mapping: null }),
          })
        }
      />
    );
  } else if (wizard.step === "choose" && wizard.source) {
    body = (
      <ChooseStep
        className={classNames.choose}
        source={wizard.source}
        initial={wizard.scope}
        onBack={() => go({ step: "connect" })}
        onChosen={(scope, preview) =>
          go({ step: "map", scope, preview, mapping: preview.suggestedMapping })
        }
      />
    );
  } else if (wizard.step === "map" && wizard.preview && wizard.mapping && wizard.scope) {
    const { scope, mapping } = wizard;
    body = (
      <MapStep
        className={classNames.map}
        preview={wizard.preview}
        mapping={mapping}
        onChange={(next) => go({ mapping: next })}
        onBack={() => go({ step: "choose" })}
        dryRunning={dryRun.isPending}
        error={dryRun.isError ? dryRun.error.message : null}
        onDryRun={() =>
          dryRun.mutate(
            { ...scope, mapping },
            { onSuccess: (preview) => go({ step: "dryRun", preview }) },
          )
        }
      />
    );
  } else if (wizard.step === "dryRun" && wizard.preview) {
    body = (
      <DryRunStep
        className={classNames.dryRun}
        report={wizard.preview.report}
        onBack={() => go({ step: "map" })}
        onStart={() => runImport()}
        starting={startImport.isPending}
        error={startImport.isError ? startImport.error.message : null}
      />
    );
  } else if (wizard.step === "import" && wizard.runId) {
    body = (
      <ImportStep
        // A re-run is a new run: its progress starts afresh.
        key={wizard.runId}
        className={classNames.import}
        runId={wizard.runId}
        onRerun={() => runImport()}
        {...(wizard.source?.kind === "cloud" ? { onImportChanges: () => runImport(true) } : {})}
        rerunning={startImport.isPending}
        rerunError={startImport.isError ? startImport.error.message : null}
        onNewImport={() => {
          dryRun.reset();
          startImport.reset();
          setWizard(start);
        }}
      />
    );
  }

  return (
    <section {...rootProps} aria-labelledby={titleId} data-state={wizard.step}>
      <header className={cx("pb-jira-import__header", classNames.header)}>
        <h2 id={titleId} className={cx("pb-jira-import__title", classNames.title)}>
          {strings.jiraTitle}
        </h2>
        <p className="pb-hint">{strings.jiraDescription}</p>
      </header>
      <ol className={cx("pb-jira-import__steps", classNames.steps)}>
        {steps.map((step, position) => (
          <li
            key={step}
            className={cx("pb-jira-import__step", classNames.step)}
            data-state={position < index ? "complete" : position === index ? "current" : "upcoming"}
            aria-current={position === index ? "step" : undefined}
          >
            <span className="pb-jira-import__step-number" aria-hidden="true">
              {position + 1}
            </span>
            <span className="pb-jira-import__step-name">{strings.jiraSteps[step]}</span>
          </li>
        ))}
      </ol>
      <div className="pb-jira-import__body">
        {/* The heading waits with its step, so it never announces a step that is not there yet. */}
        <Suspense fallback={<SkeletonRows variant="table" rows={2} />}>
          <h3
            key={wizard.step}
            ref={focusHeading}
            tabIndex={-1}
            className="pb-jira-import__step-title"
          >
            <span className="pb-hint">{strings.jiraStepOf(index + 1, steps.length)}</span>{" "}
            {strings.jiraSteps[wizard.step]}
          </h3>
          {body}
        </Suspense>
      </div>
    </section>
  );
}
