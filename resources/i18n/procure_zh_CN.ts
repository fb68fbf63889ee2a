<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>&amp;New Empty Plan</source>
        <translation>新建空白计划(&amp;N)</translation>
    </message>
    <message>
        <source>New Plan from the &amp;Demo</source>
        <translation>从演示新建计划(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a .procure plan, or import a scenario .json or Excel workbook</source>
        <translation>打开 .procure 计划，或导入场景 .json 或 Excel 工作簿</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Every change is saved as you make it; Save As moves the plan to a file of your choice</source>
        <translation>每次修改都会即时保存；“另存为”把计划移到您选择的文件</translation>
    </message>
    <message>
        <source>&amp;Close Plan</source>
        <translation>关闭计划(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear Cells</source>
        <translation>清除单元格(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Optimise</source>
        <translation>优化(&amp;O)</translation>
    </message>
    <message>
        <source>Find the least-cost plan within the limits (F5)</source>
        <translation>在各项限制内求成本最低的计划 (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel Optimisation</source>
        <translation>取消优化(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the running optimisation (Esc)</source>
        <translation>停止正在运行的优化 (Esc)</translation>
    </message>
    <message>
        <source>New Scenario &amp;Variant…</source>
        <translation>新建场景变体(&amp;V)…</translation>
    </message>
    <message>
        <source>Copy the current scenario under a new name to try changes</source>
        <translation>以新名称复制当前场景，用来尝试修改</translation>
    </message>
    <message>
        <source>&amp;Problems</source>
        <translation>问题(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Who changed what in this plan</source>
        <translation>谁修改了这个计划的什么内容</translation>
    </message>
    <message>
        <source>Connect to a &amp;Team Server…</source>
        <translation>连接团队服务器(&amp;T)…</translation>
    </message>
    <message>
        <source>Copy Plan to a Team Server…</source>
        <translation>将计划复制到团队服务器…</translation>
    </message>
    <message>
        <source>&amp;About Procure</source>
        <translation>关于 Procure(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>... and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation>输入无效。</translation>
    </message>
    <message>
        <source>Procure ran out of memory.</source>
        <translation>Procure 内存不足。</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>无法读取或写入该文件。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your plan is safe; the details were written to the log file.</source>
        <translation>发生了意外错误。您的计划是安全的；详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>Procure</source>
        <translation>Procure</translation>
    </message>
    <message>
        <source>Not available yet: the core has no {fn}() in {module}.</source>
        <translation>暂不可用：核心模块 {module} 中还没有 {fn}()。</translation>
    </message>
    <message>
        <source>Open a plan</source>
        <translation>打开计划</translation>
    </message>
    <message>
        <source>Plans and scenarios (*.procure *.json *.xlsx);;Procure plans (*.procure);;Scenario files (*.json);;Excel workbooks (*.xlsx)</source>
        <translation>计划与场景 (*.procure *.json *.xlsx);;Procure 计划 (*.procure);;场景文件 (*.json);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the plan as</source>
        <translation>计划另存为</translation>
    </message>
    <message>
        <source>Procure plans (*.procure)</source>
        <translation>Procure 计划 (*.procure)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>This plan is read-only.</source>
        <translation>此计划为只读。</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>That problem has no cell to show.</source>
        <translation>该问题没有可定位的单元格。</translation>
    </message>
    <message>
        <source>No recent plans</source>
        <translation>没有最近的计划</translation>
    </message>
    <message>
        <source>“{text}” is not a number</source>
        <translation>“{text}” 不是数字</translation>
    </message>
    <message>
        <source>“{text}” is not a finite number</source>
        <translation>“{text}” 不是有限数值</translation>
    </message>
    <message>
        <source>a value is required here</source>
        <translation>此处必须填写数值</translation>
    </message>
    <message>
        <source>“{text}” is not a whole number</source>
        <translation>“{text}” 不是整数</translation>
    </message>
    <message>
        <source>To remove this limit, select its whole row and press Delete</source>
        <translation>要取消此限制，请选中整行后按 Delete</translation>
    </message>
    <message>
        <source>Fix the {n} problems listed below before optimising.</source>
        <translation>请先修正下方列出的 {n} 个问题再进行优化。</translation>
    </message>
    <message>
        <source>Optimisation finished: {status}.</source>
        <translation>优化完成：{status}。</translation>
    </message>
    <message>
        <source>Optimisation cancelled.</source>
        <translation>优化已取消。</translation>
    </message>
    <message>
        <source>{status} · computed {when} by {who}</source>
        <translation>{status} · 由 {who} 于 {when} 计算</translation>
    </message>
    <message>
        <source>Apply {n} relaxations</source>
        <translation>应用 {n} 项放宽</translation>
    </message>
    <message>
        <source>The empty-plan template is missing.</source>
        <translation>缺少空白计划模板。</translation>
    </message>
    <message>
        <source>New plan. Every change is saved as you make it; use Save As to choose where.</source>
        <translation>新计划。每次修改都会即时保存；使用“另存为”选择保存位置。</translation>
    </message>
    <message>
        <source>{name} could not be opened: {why}</source>
        <translation>无法打开 {name}：{why}</translation>
    </message>
    <message>
        <source>Imported {name} as a new plan; use Save As to keep it.</source>
        <translation>已将 {name} 导入为新计划；使用“另存为”保留它。</translation>
    </message>
    <message>
        <source>Optimise the plan first (F5): this export needs a result.</source>
        <translation>请先优化计划 (F5)：此导出需要结果。</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>正在写入 {name}…</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>Show the list of problems</source>
        <translation>显示问题列表</translation>
    </message>
    <message>
        <source>⚠ {n} problems</source>
        <translation>⚠ {n} 个问题</translation>
    </message>
    <message>
        <source>⚠ 1 problem</source>
        <translation>⚠ 1 个问题</translation>
    </message>
    <message>
        <source>Optimising…</source>
        <translation>正在优化…</translation>
    </message>
    <message>
        <source>Changes to {plan}</source>
        <translation>{plan} 的修改记录</translation>
    </message>
    <message>
        <source>Filter by person, scenario or value</source>
        <translation>按人员、场景或数值筛选</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Your change to {path} was not saved: {who} changed it to {theirs}</source>
        <translation>您对 {path} 的修改未保存：{who} 已将其改为 {theirs}</translation>
    </message>
    <message>
        <source> at {when}</source>
        <translation>（{when}）</translation>
    </message>
    <message>
        <source>The plan now shows their version; make your change again if it is still needed.</source>
        <translation>计划现在显示对方的版本；如仍需要，请重新修改。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Someone else changed this plan at the same time.</source>
        <translation>有其他人同时修改了这个计划。</translation>
    </message>
    <message>
        <source>Connect to a team server</source>
        <translation>连接团队服务器</translation>
    </message>
    <message>
        <source>The password is used for this connection only and is never saved.</source>
        <translation>密码仅用于本次连接，绝不会被保存。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Plans on {server}</source>
        <translation>{server} 上的计划</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>There are no plans on this server yet. Open or create a plan, then use File &gt; Copy to Team Server.</source>
        <translation>此服务器上还没有计划。请打开或新建一个计划，然后使用“文件 &gt; 将计划复制到团队服务器”。</translation>
    </message>
    <message>
        <source>Copy the plan to a team server</source>
        <translation>将计划复制到团队服务器</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>正在连接 {server}…</translation>
    </message>
    <message>
        <source>The plan was copied to {server}.</source>
        <translation>计划已复制到 {server}。</translation>
    </message>
    <message>
        <source>Base scenario</source>
        <translation>基础场景</translation>
    </message>
    <message>
        <source>Switch between the base scenario and its variants</source>
        <translation>在基础场景与其变体之间切换</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>场景：</translation>
    </message>
    <message>
        <source>New scenario variant</source>
        <translation>新建场景变体</translation>
    </message>
    <message>
        <source>Name of the variant (a copy of “{current}” that you can change):</source>
        <translation>变体名称（“{current}”的副本，可自由修改）：</translation>
    </message>
    <message>
        <source>About Procure</source>
        <translation>关于 Procure</translation>
    </message>
    <message>
        <source>Accelerator procurement planning: the least-cost purchase plan within your risk limits, explained.</source>
        <translation>加速器采购规划：在风险限制内给出成本最低的采购计划，并解释原因。</translation>
    </message>
    <message>
        <source>Open-source components and their licences</source>
        <translation>开源组件及其许可证</translation>
    </message>
    <message>
        <source>Procure itself is proprietary software of its authors.</source>
        <translation>Procure 本身是其作者的专有软件。</translation>
    </message>
    <message>
        <source>Add chips from the catalogue</source>
        <translation>从目录添加芯片</translation>
    </message>
    <message>
        <source>Peak = BF16 dense TFLOPS / 1000; power per unit = TDP x overhead (server share); price = middle of the catalogue&apos;s US$ range x exchange rate, the same in every period. Check and edit the figures afterwards: supply, lead time and efficiencies are yours to set.</source>
        <translation>峰值 = BF16 稠密 TFLOPS / 1000；单卡功率 = TDP × 附加系数（服务器分摊）；价格 = 目录美元价格区间的中值 × 汇率，各期相同。之后请核对并修改这些数字：供应量、交付周期和效率需要您自己设定。</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>Power overhead</source>
        <translation>功率附加系数</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add from catalogue…</source>
        <translation>从目录添加…</translation>
    </message>
    <message>
        <source>Pick accelerators from the shipped catalogue</source>
        <translation>从内置目录中挑选加速器</translation>
    </message>
    <message>
        <source>chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Price of one unit ordered in each period.</source>
        <translation>各期订购一张卡的单价。</translation>
    </message>
    <message>
        <source>Most units that can be ordered per period. Type into an unlimited row to set every period; select a whole row and press Delete to make it unlimited.</source>
        <translation>每期最多可订购的数量。在“不限”行中输入数值会设置所有期；选中整行并按 Delete 可改回不限。</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供应</translation>
    </message>
    <message>
        <source>Add {n} chips from the catalogue</source>
        <translation>从目录添加 {n} 种芯片</translation>
    </message>
    <message>
        <source>No purchase plan satisfies every limit at once.</source>
        <translation>没有任何采购计划能同时满足所有限制。</translation>
    </message>
    <message>
        <source>Relaxing these limits together would make the plan feasible. Apply one and optimise again, or apply them all.</source>
        <translation>同时放宽以下限制即可使计划可行。可逐项应用后重新优化，也可全部应用。</translation>
    </message>
    <message>
        <source>Apply all and optimise</source>
        <translation>全部应用并优化</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Change the plan&apos;s inputs by this much, then optimise again</source>
        <translation>按此幅度修改计划输入，然后重新优化</translation>
    </message>
    <message>
        <source>No diagnosis was computed.</source>
        <translation>未计算出诊断结果。</translation>
    </message>
    <message>
        <source>Add {noun}</source>
        <translation>添加{noun}</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Select the rows to delete first.</source>
        <translation>请先选中要删除的行。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Capital spend</source>
        <translation>资本支出</translation>
    </message>
    <message>
        <source>Energy (new units)</source>
        <translation>能耗（新增设备）</translation>
    </message>
    <message>
        <source>Imported share</source>
        <translation>进口占比</translation>
    </message>
    <message>
        <source>Domestic share</source>
        <translation>国产占比</translation>
    </message>
    <message>
        <source>In-house share</source>
        <translation>自研占比</translation>
    </message>
    <message>
        <source>Weighted risk</source>
        <translation>加权风险</translation>
    </message>
    <message>
        <source>Concentration (HHI)</source>
        <translation>集中度 (HHI)</translation>
    </message>
    <message>
        <source>Outage coverage</source>
        <translation>断供覆盖率</translation>
    </message>
    <message>
        <source>capex + energy of new units + shortfall</source>
        <translation>资本支出 + 新设备能耗 + 缺口罚金</translation>
    </message>
    <message>
        <source>existing fleet: {m}</source>
        <translation>现有设备：{m}</translation>
    </message>
    <message>
        <source>min {p}</source>
        <translation>下限 {p}</translation>
    </message>
    <message>
        <source>max {p}</source>
        <translation>上限 {p}</translation>
    </message>
    <message>
        <source>limit {v}</source>
        <translation>上限 {v}</translation>
    </message>
    <message>
        <source>0 spread out, 1 one vendor</source>
        <translation>0 为分散，1 为单一供应商</translation>
    </message>
    <message>
        <source>required {p}</source>
        <translation>要求 {p}</translation>
    </message>
    <message>
        <source>worst: without {v}, {p}</source>
        <translation>最差情形：失去 {v}，{p}</translation>
    </message>
    <message>
        <source>Least and most share of new spend per source category.</source>
        <translation>各来源类别在新增支出中的最低与最高占比。</translation>
    </message>
    <message>
        <source>Per-period budget, power and energy. Energy cost per kW = hours x price x PUE. Empty rows are unlimited (or the default); type a value to set every period.</source>
        <translation>各期预算、电力与能耗。每千瓦能耗成本 = 小时数 × 电价 × PUE。空行表示不限（或默认值）；输入数值会设置所有期。</translation>
    </message>
    <message>
        <source>Plan and limits</source>
        <translation>计划与限制</translation>
    </message>
    <message>
        <source>Category shares</source>
        <translation>类别占比</translation>
    </message>
    <message>
        <source>Per period</source>
        <translation>分期数据</translation>
    </message>
    <message>
        <source>No problems: the plan can be optimised.</source>
        <translation>没有问题：可以优化此计划。</translation>
    </message>
    <message>
        <source>1 problem must be fixed before the plan can be optimised. Double-click it to go to its cell.</source>
        <translation>需修正 1 个问题后才能优化此计划。双击即可跳转到对应单元格。</translation>
    </message>
    <message>
        <source>{n} problems must be fixed before the plan can be optimised. Double-click one to go to its cell.</source>
        <translation>需修正 {n} 个问题后才能优化此计划。双击问题即可跳转到对应单元格。</translation>
    </message>
    <message>
        <source>These results were computed before the latest changes to the plan. Press F5 to optimise again.</source>
        <translation>这些结果是在计划最近一次修改之前计算的。按 F5 重新优化。</translation>
    </message>
    <message>
        <source>No result yet. Press F5 (Optimise) to find the cheapest plan within the limits.</source>
        <translation>尚无结果。按 F5（优化）求出限制内成本最低的计划。</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Purchase plan</source>
        <translation>采购计划</translation>
    </message>
    <message>
        <source>Binding limits</source>
        <translation>起约束作用的限制</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>No plan was found ({status}). {message}</source>
        <translation>未找到计划（{status}）。{message}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Changes apply at once; the window is rebuilt in the new language.</source>
        <translation>更改立即生效；窗口会以新语言重建。</translation>
    </message>
    <message>
        <source>Plan accelerator purchases at the least cost, within your risk limits, with every answer explained.</source>
        <translation>在风险限制内以最低成本规划加速器采购，每个结论都有解释。</translation>
    </message>
    <message>
        <source>New empty plan</source>
        <translation>新建空白计划</translation>
    </message>
    <message>
        <source>Four quarters, one vendor: add chips and workloads</source>
        <translation>四个季度、一家供应商：请添加芯片与工作负载</translation>
    </message>
    <message>
        <source>New plan from the demo</source>
        <translation>从演示新建计划</translation>
    </message>
    <message>
        <source>A 2026-27 plan with Nvidia, domestic and in-house chips</source>
        <translation>包含英伟达、国产与自研芯片的 2026–27 年计划</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>A .procure plan, or import a scenario .json or an Excel workbook</source>
        <translation>.procure 计划，或导入场景 .json 或 Excel 工作簿</translation>
    </message>
    <message>
        <source>Connect to a team server…</source>
        <translation>连接团队服务器…</translation>
    </message>
    <message>
        <source>Browse and edit the team&apos;s shared plans</source>
        <translation>浏览并编辑团队共享的计划</translation>
    </message>
    <message>
        <source>Recent plans</source>
        <translation>最近的计划</translation>
    </message>
    <message>
        <source>No recent plans yet.</source>
        <translation>还没有最近的计划。</translation>
    </message>
    <message>
        <source>{n} cells were not pasted: {first}</source>
        <translation>有 {n} 个单元格未粘贴：{first}</translation>
    </message>
    <message>
        <source>Paste {n} cells</source>
        <translation>粘贴 {n} 个单元格</translation>
    </message>
    <message>
        <source>Pasted {n} cells.</source>
        <translation>已粘贴 {n} 个单元格。</translation>
    </message>
    <message>
        <source>That is too much to paste at once.</source>
        <translation>一次粘贴的内容太多。</translation>
    </message>
    <message>
        <source>Nothing to clear here: type a new value instead.</source>
        <translation>此处无可清除内容：请直接输入新值。</translation>
    </message>
    <message>
        <source>Clear {n} cells</source>
        <translation>清除 {n} 个单元格</translation>
    </message>
    <message>
        <source>workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Effective compute each workload needs, in PFLOP/s, per period.</source>
        <translation>各工作负载每期所需的有效算力 (PFLOP/s)。</translation>
    </message>
    <message>
        <source>Share of a chip&apos;s peak each workload achieves (0 to 1). Empty: the chip cannot run the workload.</source>
        <translation>各工作负载在芯片上能达到的峰值比例（0 到 1）。空白：该芯片无法运行此工作负载。</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Who sells the chips. The category (imported, domestic, in-house) drives the share limits; risk is 0 (none) to 1; an empty max share means the plan&apos;s vendor cap applies.</source>
        <translation>芯片的销售方。类别（进口、国产、自研）决定占比限制；风险取 0（无）到 1；最高占比为空时采用计划的供应商上限。</translation>
    </message>
    <message>
        <source>fleet entry</source>
        <translation>现有设备条目</translation>
    </message>
    <message>
        <source>Units already in service at the start of the plan, and the last period they serve.</source>
        <translation>计划开始时已在役的设备数量，以及其服役的最后一期。</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Existing fleet</source>
        <translation>现有设备</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Capacity vs demand (PFLOP/s)</source>
        <translation>算力与需求 (PFLOP/s)</translation>
    </message>
    <message>
        <source>demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Share of new spend by vendor</source>
        <translation>各供应商新增支出占比</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Spend by category per period</source>
        <translation>各期按类别的支出</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>Shadow price</source>
        <translation>影子价格</translation>
    </message>
    <message>
        <source>Change of total cost per unit of the limit</source>
        <translation>限制每变动一个单位时总成本的变化</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>BF16 TFLOPS</source>
        <translation>BF16 TFLOPS</translation>
    </message>
    <message>
        <source>Memory GB</source>
        <translation>显存 GB</translation>
    </message>
    <message>
        <source>TDP W</source>
        <translation>TDP 瓦</translation>
    </message>
    <message>
        <source>Price US$ (mid)</source>
        <translation>价格 美元（中值）</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Compute / price: V datasheet, P press report, L low confidence</source>
        <translation>算力 / 价格：V 规格书，P 媒体报道，L 低可信度</translation>
    </message>
    <message>
        <source>Min share</source>
        <translation>最低占比</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Max share</source>
        <translation>最高占比</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Peak PFLOP/s</source>
        <translation>峰值 PFLOP/s</translation>
    </message>
    <message>
        <source>Peak BF16 dense compute of one unit</source>
        <translation>单卡 BF16 稠密峰值算力</translation>
    </message>
    <message>
        <source>Power kW</source>
        <translation>功率 kW</translation>
    </message>
    <message>
        <source>Power per unit in service, including its share of the server</source>
        <translation>每张在役卡的功率，含服务器分摊</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>交付周期</translation>
    </message>
    <message>
        <source>Periods from order to service</source>
        <translation>从下单到投入使用的期数</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>使用寿命</translation>
    </message>
    <message>
        <source>beyond horizon</source>
        <translation>超出规划期</translation>
    </message>
    <message>
        <source>Periods a new unit stays in service</source>
        <translation>新设备服役的期数</translation>
    </message>
    <message>
        <source>Lot size</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Order multiple (integer mode only)</source>
        <translation>订购倍数（仅整数模式）</translation>
    </message>
    <message>
        <source>New chip</source>
        <translation>新芯片</translation>
    </message>
    <message>
        <source>row {row}, column {col}: {why}</source>
        <translation>第 {row} 行第 {col} 列：{why}</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Change efficiency of {w} on {c}</source>
        <translation>修改 {w} 在 {c} 上的效率</translation>
    </message>
    <message>
        <source>Change {what} of {row}</source>
        <translation>修改 {row} 的{what}</translation>
    </message>
    <message>
        <source>end of horizon</source>
        <translation>规划期末</translation>
    </message>
    <message>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Retires after</source>
        <translation>退役于</translation>
    </message>
    <message>
        <source>Last period the units are in service</source>
        <translation>设备服役的最后一期</translation>
    </message>
    <message>
        <source>fleet row {n}</source>
        <translation>现有设备第 {n} 行</translation>
    </message>
    <message>
        <source>Change {row}, {column}</source>
        <translation>修改 {row}，{column}</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Capital budget</source>
        <translation>资本预算</translation>
    </message>
    <message>
        <source>Power cap kW</source>
        <translation>电力上限 kW</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>小时数</translation>
    </message>
    <message>
        <source>Energy price per kWh</source>
        <translation>每千瓦时电价</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>No: continuous amounts</source>
        <translation>否：连续数量</translation>
    </message>
    <message>
        <source>Yes: whole lots</source>
        <translation>是：整批</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Total capital budget</source>
        <translation>资本预算总额</translation>
    </message>
    <message>
        <source>Vendor cap (share of new spend)</source>
        <translation>供应商上限（新增支出占比）</translation>
    </message>
    <message>
        <source>Applies to vendors without a cap of their own</source>
        <translation>适用于未单独设上限的供应商</translation>
    </message>
    <message>
        <source>Max spend-weighted risk</source>
        <translation>支出加权风险上限</translation>
    </message>
    <message>
        <source>Outage coverage</source>
        <translation>断供覆盖率</translation>
    </message>
    <message>
        <source>Share of each workload&apos;s demand still met if any one vendor goes dark</source>
        <translation>任一供应商断供时，各工作负载仍能满足的需求比例</translation>
    </message>
    <message>
        <source>Shortfall penalty per PFLOP/s</source>
        <translation>每 PFLOP/s 缺口罚金</translation>
    </message>
    <message>
        <source>demand must be met</source>
        <translation>必须满足需求</translation>
    </message>
    <message>
        <source>Whole lots</source>
        <translation>整批订购</translation>
    </message>
    <message>
        <source>Integer mode: orders in multiples of the lot size (slower)</source>
        <translation>整数模式：按批量的整数倍订购（较慢）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Change {what}</source>
        <translation>修改{what}</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Existing fleet</source>
        <translation>现有设备</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供应</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Short unique key; chips refer to it</source>
        <translation>简短且唯一的键；芯片引用它</translation>
    </message>
    <message>
        <source>Source category: imported, domestic, in-house or your own</source>
        <translation>来源类别：进口、国产、自研或自定义</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Likelihood-weighted disruption risk, 0 (none) to 1</source>
        <translation>按可能性加权的断供风险，0（无）到 1</translation>
    </message>
    <message>
        <source>plan cap</source>
        <translation>计划上限</translation>
    </message>
    <message>
        <source>Most share of new spend this vendor may take; empty: the plan&apos;s vendor cap</source>
        <translation>该供应商可占新增支出的最高比例；空白：采用计划的供应商上限</translation>
    </message>
    <message>
        <source>New vendor</source>
        <translation>新供应商</translation>
    </message>
    <message>
        <source>Eligible chips</source>
        <translation>可用芯片</translation>
    </message>
    <message>
        <source>Chips with an efficiency above 0</source>
        <translation>效率大于 0 的芯片</translation>
    </message>
    <message>
        <source>Peak demand PFLOP/s</source>
        <translation>需求峰值 PFLOP/s</translation>
    </message>
    <message>
        <source>New workload</source>
        <translation>新工作负载</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Excel workbook…</source>
        <translation>Excel 工作簿…</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF memo…</source>
        <translation>PDF 备忘录…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Scenario JSON…</source>
        <translation>场景 JSON…</translation>
    </message>
    <message>
        <source>Scenario files (*.json)</source>
        <translation>场景文件 (*.json)</translation>
    </message>
    <message>
        <source>Result JSON…</source>
        <translation>结果 JSON…</translation>
    </message>
    <message>
        <source>Result files (*.json)</source>
        <translation>结果文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Building the model</source>
        <translation>正在构建模型</translation>
    </message>
    <message>
        <source>Solving</source>
        <translation>正在求解</translation>
    </message>
    <message>
        <source>Finding the smallest relaxations</source>
        <translation>正在寻找最小放宽</translation>
    </message>
    <message>
        <source>Computing shadow prices</source>
        <translation>正在计算影子价格</translation>
    </message>
    <message>
        <source>Reading the result</source>
        <translation>正在读取结果</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>1,234,567.8 (grouped)</source>
        <translation>1,234,567.8（分组）</translation>
    </message>
    <message>
        <source>1234567.8 (plain)</source>
        <translation>1234567.8（不分组）</translation>
    </message>
    <message>
        <source>As the language writes them</source>
        <translation>按语言习惯</translation>
    </message>
    <message>
        <source>Compact: 1.2 bn CNY</source>
        <translation>简洁：1.2 bn CNY</translation>
    </message>
    <message>
        <source>Full: 1,200,000,000 CNY</source>
        <translation>完整：1,200,000,000 CNY</translation>
    </message>
    <message>
        <source>Symbol: ¥1.2 bn</source>
        <translation>符号：¥1.2 bn</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <source>feasible (time limit)</source>
        <translation>可行（达到时间上限）</translation>
    </message>
    <message>
        <source>infeasible</source>
        <translation>不可行</translation>
    </message>
    <message>
        <source>time limit reached</source>
        <translation>达到时间上限</translation>
    </message>
    <message>
        <source>error</source>
        <translation>出错</translation>
    </message>
</context>
</TS>
