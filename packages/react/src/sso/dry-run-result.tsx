import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";
import type { SsoTestState } from "./use-dry-run-popup";

/** What a Test connection run found: the mapped profile, or why the sign-in was refused. */
export function TestResult({
  state,
  className,
}: {
  state: SsoTestState;
  className?: string | undefined;
}) {
  const strings = useStrings();
  return (
    <div role="status" className={cx("pb-sso__test", className)} data-state={state.status}>
      {state.status === "pending" && <p className="pb-hint">{strings.ssoTestRunning}</p>}
      {state.status === "success" && (
        <>
          <p className="pb-sso__test-title">{strings.ssoTestSucceeded}</p>
          <dl className="pb-sso__profile">
            <dt>{strings.ssoTestEmail}</dt>
            <dd>{state.profile.email}</dd>
            <dt>{strings.ssoTestName}</dt>
            <dd>{state.profile.name ?? strings.ssoTestNone}</dd>
            <dt>{strings.ssoTestGroups}</dt>
            <dd>{state.profile.groups.join(", ") || strings.ssoTestNone}</dd>
            <dt>{strings.ssoTestRole}</dt>
            <dd>
              {state.profile.role
                ? (strings.ssoRoles[state.profile.role] ?? state.profile.role)
                : strings.ssoTestNone}
            </dd>
          </dl>
        </>
      )}
      {state.status === "error" && (
        <>
          <p className="pb-sso__test-title pb-error">{strings.ssoTestFailed}</p>
          <p>{state.message}</p>
          <p className="pb-hint">
            <code>{state.reason}</code>
          </p>
        </>
      )}
    </div>
  );
}
