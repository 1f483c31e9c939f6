// The facts about a request that policies may test (aws:SourceIp, aws:SecureTransport, aws:UserAgent…), from the edge.
import type { RequestOrigin } from '../auth/request-origin.js';
import type { RawRequest } from './handle-request.js';

export function originOf(request: RawRequest, region: string, time: Date): RequestOrigin {
  const agent = request.headers['user-agent'];
  const userAgent = Array.isArray(agent) ? agent.join(', ') : agent;
  return {
    time,
    region,
    secureTransport: request.secure === true,
    ...(request.remoteAddress === undefined ? {} : { sourceIp: request.remoteAddress }),
    ...(userAgent === undefined ? {} : { userAgent }),
  };
}
