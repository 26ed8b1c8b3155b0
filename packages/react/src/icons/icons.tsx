import { cx } from "../provider/root-props";

export interface IconProps {
  className?: string | undefined;
}

/**
 * Plugboard's icons: one stroke path each on a 24px grid, sized and colored by `.pb-icon` from
 * the text around them. Decoration only (`aria-hidden`): the control that holds one keeps its own
 * name. Our own few paths instead of an icon library, whose runtime alone outweighs them.
 */
function Icon({ d, className }: IconProps & { d: string }) {
  return (
    <svg className={cx("pb-icon", className)} viewBox="0 0 24 24" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

const ring = "M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0";

export function CheckIcon(props: IconProps) {
  return <Icon {...props} d="M20 6 9 17l-5-5" />;
}

export function MinusIcon(props: IconProps) {
  return <Icon {...props} d="M5 12h14" />;
}

export function CloseIcon(props: IconProps) {
  return <Icon {...props} d="M6 6l12 12M18 6 6 18" />;
}

export function ChevronIcon(props: IconProps) {
  return <Icon {...props} d="m6 9 6 6 6-6" />;
}

export function PlusIcon(props: IconProps) {
  return <Icon {...props} d="M12 5v14M5 12h14" />;
}

export function MoreIcon(props: IconProps) {
  return (
    <Icon
      {...props}
      d="M5 11a1 1 0 1 0 0 2a1 1 0 1 0 0-2m7 0a1 1 0 1 0 0 2a1 1 0 1 0 0-2m7 0a1 1 0 1 0 0 2a1 1 0 1 0 0-2"
    />
  );
}

export function CopyIcon(props: IconProps) {
  return <Icon {...props} d="M9 9h11v11H9zM5 15H4V4h11v1" />;
}

export function ExternalLinkIcon(props: IconProps) {
  return <Icon {...props} d="M14 4h6v6m0-6-9 9m7 1v6H4V6h6" />;
}

export function TrashIcon(props: IconProps) {
  return <Icon {...props} d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13m-8 4v5m4-5v5" />;
}

export function RetryIcon(props: IconProps) {
  return <Icon {...props} d="M20 12a8 8 0 1 1-2.3-5.7L20 9m0-5v5h-5" />;
}

export function SuccessIcon(props: IconProps) {
  return <Icon {...props} d={`${ring}m5 0 3 3 5-6`} />;
}

export function FailureIcon(props: IconProps) {
  return <Icon {...props} d={`${ring}m6-3 6 6m0-6-6 6`} />;
}

export function EmptyIcon(props: IconProps) {
  return <Icon {...props} d="M3 13h5l1 3h6l1-3h5M3 13l3-8h12l3 8v7H3z" />;
}

/** A status badge's icon: a tick for an outcome that worked, a cross for one that failed. */
export function StatusIcon({ state }: { state: string }) {
  if (state === "succeeded" || state === "delivered") return <SuccessIcon />;
  return state === "failed" ? <FailureIcon /> : null;
}
