import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Component, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithPlugboard } from "../test/render";
import { lazyComponent } from "./lazy-component";

const placeholder = { rootClass: "pb-widget", label: () => "Loading widget" };

function Widget({ className }: { className?: string }) {
  return <h2 className={className}>Widget</h2>;
}

function Broken(): ReactNode {
  throw new Error("a bug in the component");
}

/** A promise the test settles by hand, to see what the user sees meanwhile. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("lazyComponent", () => {
  it("says it is loading in the component's box, then shows the component", async () => {
    const code = deferred<typeof Widget>();
    const Lazy = lazyComponent(() => code.promise, placeholder);
    renderWithPlugboard(<Lazy className="host-class" />);

    const loading = screen.getByRole("region", { name: "Loading widget" });
    expect(loading).toHaveAttribute("aria-busy", "true");
    expect(loading).toHaveClass("pb-root", "pb-widget", "host-class");

    code.resolve(Widget);
    expect(await screen.findByRole("heading", { name: "Widget" })).toHaveClass("host-class");
    expect(screen.queryByRole("region", { name: "Loading widget" })).not.toBeInTheDocument();
  });

  it("says a failed download plainly and loads on Try again", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const load = vi
      .fn<() => Promise<typeof Widget>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValue(Widget);
    const Lazy = lazyComponent(load, placeholder);
    renderWithPlugboard(<Lazy />);

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This section could not be loaded. Check your connection and try again.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Widget" })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("leaves the component's own errors to the host's error boundary", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const Lazy = lazyComponent(async () => Broken, placeholder);
    renderWithPlugboard(
      <HostBoundary>
        <Lazy />
      </HostBoundary>,
    );
    expect(await screen.findByText("Host caught: a bug in the component")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  });

  it("preload fetches the code once, before and for the first render", async () => {
    const load = vi.fn(async () => Widget);
    const Lazy = lazyComponent(load, placeholder);
    await Lazy.preload();
    renderWithPlugboard(<Lazy />);
    expect(await screen.findByRole("heading", { name: "Widget" })).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });
});

class HostBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>Host caught: {this.state.error.message}</p> : this.props.children;
  }
}
