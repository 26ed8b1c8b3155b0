import type { ButtonHTMLAttributes, FormEvent, ReactNode } from "react";
import { ErrorMessage } from "../parts/error-message";
import { RetryButton } from "../parts/retry-button";
import { useStrings } from "../provider/plugboard-provider";
import { cx } from "../provider/root-props";

/** A titled part of a step (a mapping kind, a report's list), named for screen readers by its title. */
export function StepSection({
  title,
  className,
  children,
}: {
  title: string;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-label={title}>
      <h4 className="pb-jira-import__subtitle">{title}</h4>
      {children}
    </section>
  );
}

/** A list that says "None" (or `empty`) instead of rendering nothing. */
export function ListOrNone<Item>({
  items,
  empty,
  className,
  children,
}: {
  items: Item[];
  empty?: string;
  className?: string;
  children: (item: Item, index: number) => ReactNode;
}) {
  const strings = useStrings();
  if (items.length === 0) return <p className="pb-hint">{empty ?? strings.jiraNone}</p>;
  return <ul className={className}>{items.map(children)}</ul>;
}

export interface StepButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** The work it started is under way: it is disabled, so the work is not started twice. */
  pending: boolean;
  label: string;
  pendingLabel?: string;
  tone?: "primary" | "danger" | "plain";
}

/** A button that starts server work. Without `onClick` it submits the step's form. */
export function StepButton({
  pending,
  label,
  pendingLabel = label,
  tone = "primary",
  ...props
}: StepButtonProps) {
  return (
    <button
      type={props.onClick ? "button" : "submit"}
      className={cx("pb-button", tone !== "plain" && `pb-button--${tone}`)}
      aria-busy={pending || undefined}
      disabled={pending}
      {...props}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

/** The end of a step: the last attempt's error, then Back (when there is a step before) and the step's buttons. */
export function StepActions({
  error,
  onBack,
  children,
}: {
  error?: string | null | undefined;
  onBack?: (() => void) | undefined;
  children: ReactNode;
}) {
  const strings = useStrings();
  return (
    <>
      <ErrorMessage>{error}</ErrorMessage>
      <div className="pb-jira-import__actions">
        {onBack && (
          <button type="button" className="pb-button" onClick={onBack}>
            {strings.jiraBack}
          </button>
        )}
        {children}
      </div>
    </>
  );
}

export interface StepFormProps {
  className?: string | undefined;
  /** Called on submit; the browser's own validation is off, the step or the server checks. */
  onSubmit: () => void;
  onBack?: (() => void) | undefined;
  /** Why the last submission failed, when no field says so. */
  error: string | null;
  pending: boolean;
  submitLabel: string;
  pendingLabel?: string;
  busy?: boolean;
  children: ReactNode;
}

/** A step's form (a source to connect, the projects to choose): its fields, then its actions. */
export function StepForm({
  className,
  onSubmit,
  onBack,
  error,
  pending,
  submitLabel,
  pendingLabel,
  busy,
  children,
}: StepFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      className={cx("pb-jira-import__form", className)}
      noValidate
      onSubmit={submit}
      aria-busy={busy || undefined}
    >
      {children}
      <StepActions error={error} onBack={onBack}>
        <StepButton
          pending={pending}
          label={submitLabel}
          {...(pendingLabel ? { pendingLabel } : {})}
        />
      </StepActions>
    </form>
  );
}

/** While a step's data loads: one line standing in for it. */
export function StepLoading() {
  const strings = useStrings();
  return (
    <div className="pb-skeleton pb-skeleton--line" role="status" aria-label={strings.jiraLoading} />
  );
}

/** A step's data could not be loaded: what went wrong, and Retry. */
export function StepLoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const _strings = useStrings();
  return (
    <div role="alert">
      <p className="pb-error">{message}</p>
      <RetryButton onClick={onRetry} />
    </div>
  );
}
