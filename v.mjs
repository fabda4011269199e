import { SaxesParser } from "saxes";
import fs from "node:fs";
const t = fs.readFileSync(process.argv[2],"utf8");
const p = new SaxesParser();
let stack=[]; let item=null; let text="";
p.on("opentag", n => { stack.push(n.name); text=""; if(n.name==="item") item={}; });
p.on("text", x => text+=x); p.on("cdata", x=> text+=x);
p.on("closetag", n => { stack.pop(); if(n.name==="item"){ console.log([item.type,item.status,item.id,item.parent,JSON.stringify(item.name),JSON.stringify(item.title),item.link,item.date, item.gmt].join(" | ")); item=null;} else if(item && stack.at(-1)==="item"){ const k={"wp:post_type":"type","wp:status":"status","wp:post_id":"id","wp:post_parent":"parent","wp:post_name":"name","title":"title","link":"link","wp:post_date":"date","wp:post_date_gmt":"gmt"}[n.name]; if(k) item[k]=text; } text=""; });
p.write(t).close();
