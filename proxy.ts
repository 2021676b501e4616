// Answers malformed addresses (broken %-escapes) with a plain 400 before routing, which would
// otherwise fail with a bare 500. Not an access check: every page and action checks access itself.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: this address is not correctly encoded.", { status: 400 });
  }
  return NextResponse.next();
}

export const config = { matcher: "/((?!_next/static|_next/image).*)" };
