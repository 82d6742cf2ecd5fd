"use client";

import { useSession } from "next-auth/react";

/** Whether the signed-in user is a global admin (registry changes are theirs; the server checks again). */
export const useIsAdmin = () => useSession().data?.isAdmin === true;
