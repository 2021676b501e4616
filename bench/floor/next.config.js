// The framework floor (bench/floor.ts): the smallest Next.js app with a server action, built and
// served like Plenum, to measure what the framework itself costs per action on this machine.
export default { poweredByHeader: false };
