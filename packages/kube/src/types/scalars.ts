// Wire scalars shared by every API group: IntOrString, resource quantities and timestamps.

/**
 * k8s.io/apimachinery intstr.IntOrString: a field that holds either a number or a string,
 * e.g. `maxSurge: 1` or `maxSurge: "25%"`, `targetPort: 8080` or `targetPort: http`.
 */
export type IntOrString = number | string;

/** A resource quantity in its string form: `500m`, `32Mi`, `1.5`, `2Gi`. */
export type Quantity = string;

/** meta/v1 Time: an RFC 3339 timestamp with second precision, `2024-05-01T12:00:00Z`. */
export type Time = string;

/** meta/v1 MicroTime: an RFC 3339 timestamp with microseconds, `2024-05-01T12:00:00.123456Z`. */
export type MicroTime = string;
