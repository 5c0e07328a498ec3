import { inlineParts } from "@/lib/api/openapi/reference.ts";

/** A text of the OpenAPI document with its inline marks (`code`, **strong**, [links](…)) as elements. */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {inlineParts(text).map((part, index) => {
        switch (part.kind) {
          case "code":
            return <code key={index}>{part.text}</code>;
          case "strong":
            return <strong key={index}>{part.text}</strong>;
          case "link":
            return (
              <a key={index} href={part.href}>
                {part.text}
              </a>
            );
          default:
            return part.text;
        }
      })}
    </>
  );
}
