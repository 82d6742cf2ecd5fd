import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-fetch";

// The single QueryClient factory. Client errors (4xx) are answers, not glitches: never retry them.
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
}
