/**
 * Placeholder rows in the shape of the list they stand in for, so nothing jumps when the data
 * arrives: per row a title line, a shorter detail line and the row's control at the end.
 * "table" rows sit under a header line with dividers (API keys); "cards" are bordered boxes
 * (webhook endpoints). Decorative: the caller's container says "Loading…".
 */
export function SkeletonRows({ rows = 3, variant }: { rows?: number; variant: "table" | "cards" }) {
  return (
    <div className="pb-skeleton-rows" data-variant={variant} aria-hidden="true">
      {variant === "table" && <div className="pb-skeleton pb-skeleton-rows__header" />}
      {Array.from({ length: rows }, (_, index) => (
        // Rows are identical and never reorder.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={index} className="pb-skeleton-rows__row">
          <div className="pb-skeleton-rows__text">
            <div className="pb-skeleton pb-skeleton-rows__title" />
            <div className="pb-skeleton pb-skeleton-rows__detail" />
          </div>
          <div className="pb-skeleton pb-skeleton-rows__control" />
        </div>
      ))}
    </div>
  );
}
