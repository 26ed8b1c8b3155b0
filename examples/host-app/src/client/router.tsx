import { type AnchorHTMLAttributes, type MouseEvent, useEffect, useState } from "react";

const changed = "host-app:navigate";

/** The page's path, following links, back and forward. */
export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener("popstate", update);
    window.addEventListener(changed, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(changed, update);
    };
  }, []);
  return path;
}

export function navigate(path: string) {
  window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(changed));
  window.scrollTo(0, 0);
}

/** A link the page follows itself; a modified click (new tab) stays the browser's. */
export function Link({
  href,
  onClick,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      {...props}
      href={href}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey
        ) {
          return;
        }
        event.preventDefault();
        navigate(href);
      }}
    />
  );
}
