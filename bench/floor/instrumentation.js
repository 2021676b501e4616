// Without its own, Turbopack picks up Plenum's instrumentation from the repository root.
export function register() {}
