/** How long a rotated signing secret keeps signing too, unless the rotation says otherwise. */
export const defaultWebhookSecretGraceSeconds = 24 * 60 * 60;
