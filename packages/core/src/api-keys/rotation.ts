/** How long a rotated key keeps working, unless the rotation says otherwise. */
export const defaultRotationGraceSeconds = 24 * 60 * 60;
