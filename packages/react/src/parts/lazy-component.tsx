import {
  Component,
  type ComponentType,
  type ErrorInfo,
  type JSX,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from "react";
import { useStrings } from "../provider/plugboard-provider";
import { useRootProps } from "../provider/root-props";
import type { PlugboardStrings } from "../provider/strings";
import { RetryButton } from "./retry-button";
import { SkeletonRows } from "./skeleton-rows";

export type LazyComponent<Props> = ((props: Props) => JSX.Element) & {
  /** Starts loading the component's code now (e.g. when the user points at a settings tab). */
  preload: () => Promise<unknown>;
};

interface Placeholder {
  /** The component's root class, so the placeholder takes the box the component will fill. */
  rootClass: string;
  /** What a screen reader hears while the code loads. */
  label: (strings: PlugboardStrings) => string;
  variant?: "table" | "cards";
}

/** Marks a failed download of the component's code, the one failure a retry can fix. */
class LoadError extends Error {}

/**
 * A component whose code (its parts, forms and Radix primitives) loads when it first renders, so
 * a page pays only for the components it shows. Until then a placeholder in the component's box
 * says "Loading…"; a failed download (offline, a deploy replaced the chunk) says so with a retry
 * instead of taking the host page down. Call it once, at module level, per component.
 */
export function lazyComponent<Props extends { className?: string }>(
  load: () => Promise<ComponentType<Props>>,
  placeholder: Placeholder,
): LazyComponent<Props> {
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () => {
    loading ??= load().catch((cause: unknown) => {
      loading = undefined;
      throw new LoadError("Plugboard could not load a component's code", { cause });
    });
    return loading;
  };
  const code: Code<Props> = {
    loaded: lazy(async () => ({ default: await preload() })),
    // React.lazy keeps a rejection for good, so a retry needs a new one.
    renew: () => {
      code.loaded = lazy(async () => ({ default: await preload() }));
    },
  };
  return Object.assign(
    (props: Props) => <Lazy code={code} placeholder={placeholder} props={props} />,
    { preload },
  );
}

interface Code<Props> {
  loaded: LazyExoticComponent<ComponentType<Props>>;
  renew: () => void;
}

function Lazy<Props extends { className?: string }>({
  code,
  placeholder,
  props,
}: {
  code: Code<Props>;
  placeholder: Placeholder;
  props: Props;
}) {
  const [attempt, setAttempt] = useState(0);
  const retry = () => {
    code.renew();
    setAttempt(attempt + 1);
  };
  const Loaded = code.loaded;
  return (
    <LoadBoundary
      key={attempt}
      failed={<LoadFailed {...placeholder} className={props.className} onRetry={retry} />}
    >
      <Suspense fallback={<Loading {...placeholder} className={props.className} />}>
        <Loaded {...props} />
      </Suspense>
    </LoadBoundary>
  );
}

class LoadBoundary extends Component<
  { failed: ReactNode; children: ReactNode },
  { error: unknown }
> {
  override state = { error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    if (error instanceof LoadError) console.warn(error, error.cause, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    // Anything but a failed download is the host's to handle, as if we were not here.
    if (!(error instanceof LoadError)) throw error;
    return this.props.failed;
  }
}

function Loading({
  rootClass,
  label,
  variant = "table",
  className,
}: Placeholder & { className?: string }) {
  const strings = useStrings();
  return (
    <section
      {...useRootProps(rootClass, className)}
      aria-busy="true"
      aria-label={label(strings)}
      data-state="loading"
    >
      <SkeletonRows variant={variant} />
    </section>
  );
}

function LoadFailed({
  rootClass,
  className,
  onRetry,
}: Placeholder & { className?: string; onRetry: () => void }) {
  const strings = useStrings();
  return (
    <section {...useRootProps(rootClass, className)} data-state="error">
      <div role="alert" className="pb-load-failed">
        <p>{strings.componentLoadFailed}</p>
        <RetryButton onClick={onRetry} />
      </div>
    </section>
  );
}
