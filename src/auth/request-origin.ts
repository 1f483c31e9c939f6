// What the edge knows about a request that policies may test (spec iam-evaluation.md §2.3).

export interface RequestOrigin {
  /** When the request arrived (aws:CurrentTime, aws:EpochTime). */
  readonly time: Date;
  /** The client's address as the socket saw it (aws:SourceIp). */
  readonly sourceIp?: string;
  /** Whether TLS reached us (aws:SecureTransport). */
  readonly secureTransport: boolean;
  readonly userAgent?: string;
  /** The credential-scope region (aws:RequestedRegion). */
  readonly region: string;
}
