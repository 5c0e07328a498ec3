import type { MetadataRoute } from "next";
import es from "@/lib/i18n/messages/es.json" with { type: "json" };

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: es.meta.title,
    short_name: es.meta.title,
    description: es.meta.description,
    lang: "es",
    start_url: "/",
    display: "standalone",
    background_color: "#f7f6f2",
    theme_color: "#0b5a66",
  };
}
