/** A plain badge standing in for a court emblem; deliberately not the national emblem itself. */
export function CourtEmblem({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="15" fill="#c8102e" stroke="#f5c542" strokeWidth="2" />
      <path
        d="M9 12h14M16 8v16M11 24h10M10 12l-2 6h4zM22 12l-2 6h4z"
        stroke="#f5c542"
        strokeWidth="1.6"
        fill="none"
      />
    </svg>
  );
}
