export const metadata = { title: "floor" };
export default function Layout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
