import { Router } from "@solidjs/router";
import { render } from "solid-js/web";
import "./styles/index.css";
import { Layout } from "./components/layout.tsx";
import { routes } from "./routes.tsx";

const root = document.getElementById("app");
if (!root) throw new Error("index.html has no #app element");

render(() => <Router root={Layout}>{routes}</Router>, root);
