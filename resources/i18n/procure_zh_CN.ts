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
        <source>&amp;Submit for Review</source>
        <translation>提交审核(&amp;S)</translation>
    </message>
    <message>
        <source>Ask for the plan to be reviewed (it stays editable)</source>
        <translation>请求审核此计划（计划仍可编辑）</translation>
    </message>
    <message>
        <source>Approv&amp;e…</source>
        <translation>批准(&amp;E)…</translation>
    </message>
    <message>
        <source>Approve the plan in review; it becomes read-only</source>
        <translation>批准审核中的计划；批准后计划变为只读</translation>
    </message>
    <message>
        <source>&amp;Back to Draft</source>
        <translation>退回草稿(&amp;B)</translation>
    </message>
    <message>
        <source>Return the plan in review to its authors</source>
        <translation>将审核中的计划退回给作者</translation>
    </message>
    <message>
        <source>New &amp;Revision</source>
        <translation>新建版本(&amp;R)</translation>
    </message>
    <message>
        <source>Continue in an editable copy of the approved plan</source>
        <translation>在已批准计划的可编辑副本中继续工作</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Rename Scenario Variant…</source>
        <translation>重命名场景变体(&amp;R)…</translation>
    </message>
    <message>
        <source>Give the current scenario variant another name</source>
        <translation>为当前场景变体改名</translation>
    </message>
    <message>
        <source>&amp;Delete Scenario Variant…</source>
        <translation>删除场景变体(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the current scenario variant and its results</source>
        <translation>删除当前场景变体及其结果</translation>
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
        <source>The result was computed before the latest changes to the plan, so it would be printed beside inputs it did not come from. Optimise again (F5), then export.</source>
        <translation>该结果是在计划最近一次修改之前计算的，导出后会与并非其来源的输入并列显示。请重新优化 (F5) 后再导出。</translation>
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
        <source>Rename or delete the current scenario variant</source>
        <translation>重命名或删除当前场景变体</translation>
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
        <source>Rename scenario variant</source>
        <translation>重命名场景变体</translation>
    </message>
    <message>
        <source>New name of “{current}”:</source>
        <translation>“{current}”的新名称：</translation>
    </message>
    <message>
        <source>Delete scenario variant</source>
        <translation>删除场景变体</translation>
    </message>
    <message>
        <source>Delete the scenario variant “{name}” with its results? This cannot be undone.</source>
        <translation>删除场景变体“{name}”及其结果？此操作无法撤销。</translation>
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
        <source>Relaxing these limits together would make the plan feasible; one of them alone is usually not enough.</source>
        <translation>同时放宽以下限制即可使计划可行；单独放宽其中一项通常不够。</translation>
    </message>
    <message>
        <source>Apply all and optimise</source>
        <translation>全部应用并优化</translation>
    </message>
    <message>
        <source>Or change one limit only, and nothing else:</source>
        <translation>或只调整一项限制、其余不变：</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Change only this limit by this much, then optimise again</source>
        <translation>只按此幅度调整这一项限制，然后重新优化</translation>
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
        <source>Add period</source>
        <translation>添加一期</translation>
    </message>
    <message>
        <source>Add a period after the last one; its prices, supply, demand, budget, power and energy start as copies of the last period&apos;s</source>
        <translation>在最后一期之后添加一期；其价格、供应、需求、预算、电力与能耗的初始值复制自最后一期</translation>
    </message>
    <message>
        <source>Remove period…</source>
        <translation>删除一期…</translation>
    </message>
    <message>
        <source>Remove one period and its values from every table</source>
        <translation>从所有表格中删除某一期及其数值</translation>
    </message>
    <message>
        <source>Label of the new period (after {last}):</source>
        <translation>新一期的标签（位于 {last} 之后）：</translation>
    </message>
    <message>
        <source>Label of the new period:</source>
        <translation>新一期的标签：</translation>
    </message>
    <message>
        <source>Add period {label}</source>
        <translation>添加期 {label}</translation>
    </message>
    <message>
        <source>Remove period</source>
        <translation>删除一期</translation>
    </message>
    <message>
        <source>Period to remove, with its values in every table:</source>
        <translation>要删除的期（连同其在所有表格中的数值）：</translation>
    </message>
    <message>
        <source>Remove period {label}</source>
        <translation>删除期 {label}</translation>
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
    <message>
        <source>Scenarios</source>
        <translation>情景分析</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Approve the plan</source>
        <translation>批准计划</translation>
    </message>
    <message>
        <source>Approve “{plan}”? An approved plan is read-only: changing it later takes a new revision.</source>
        <translation>批准“{plan}”？已批准的计划为只读：之后如需修改，须新建版本。</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Where the plan is in review: draft, in review or approved</source>
        <translation>计划的审核状态：草稿、审核中或已批准</translation>
    </message>
    <message>
        <source>The plan is in review now.</source>
        <translation>计划现已进入审核。</translation>
    </message>
    <message>
        <source>The plan is a draft again.</source>
        <translation>计划已退回为草稿。</translation>
    </message>
    <message>
        <source>The plan is approved and read-only; start a new revision to change it.</source>
        <translation>计划已批准，现为只读；如需修改，请新建版本。</translation>
    </message>
    <message>
        <source>Revision {n} is a draft: change it as you like.</source>
        <translation>版本 {n} 为草稿：可随意修改。</translation>
    </message>
    <message>
        <source>Solved {done} of {total} stressed plans</source>
        <translation>已求解 {done}/{total} 个压力情景计划</translation>
    </message>
    <message>
        <source>Solved {done} of {total} points</source>
        <translation>已求解 {done}/{total} 个点</translation>
    </message>
    <message>
        <source>Simulated {done} of {total} futures</source>
        <translation>已模拟 {done}/{total} 个未来情形</translation>
    </message>
    <message>
        <source>Solving the base plan</source>
        <translation>正在求解基础计划</translation>
    </message>
    <message>
        <source>Solving the current plan</source>
        <translation>正在求解当前计划</translation>
    </message>
    <message>
        <source>Summarising</source>
        <translation>正在汇总</translation>
    </message>
    <message>
        <source>The plan has changed since this analysis ran; run it again to update it.</source>
        <translation>运行此分析后计划已有修改；请重新运行以更新结果。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Value to change</source>
        <translation>要修改的值</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The path names a value: chips/ID/price, chips/ID/supply, workloads/ID/demand, vendors/ID/risk, budget/per_period, limits/max_weighted_risk, fleet/0/units; * for every row (chips/*/price). A list value gives one number per period of the range.</source>
        <translation>路径指定一个值：chips/ID/price、chips/ID/supply、workloads/ID/demand、vendors/ID/risk、budget/per_period、limits/max_weighted_risk、fleet/0/units；* 表示所有行（chips/*/price）。列表值为范围内的每一期各给出一个数。</translation>
    </message>
    <message>
        <source>Add change</source>
        <translation>添加修改</translation>
    </message>
    <message>
        <source>Remove change</source>
        <translation>删除修改</translation>
    </message>
    <message>
        <source>For example: {examples}</source>
        <translation>例如：{examples}</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>change {n}</source>
        <translation>修改 {n}</translation>
    </message>
    <message>
        <source>New what-if</source>
        <translation>新建假设情景</translation>
    </message>
    <message>
        <source>Changes only…</source>
        <translation>仅修改…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Memo with comparison…</source>
        <translation>含比较的备忘录…</translation>
    </message>
    <message>
        <source>What-ifs are shocks and changes to this plan, stored with it. Select some and run a stress test to see what each would cost, with hindsight (re-plan) and with the orders already placed (hold).</source>
        <translation>假设情景是对本计划的冲击与修改，随计划一同保存。选中若干项后运行压力测试，即可看到每项的代价：按事后已知情况重新规划（重新规划），以及保留已下订单（维持已下订单）。</translation>
    </message>
    <message>
        <source>Stress test</source>
        <translation>压力测试</translation>
    </message>
    <message>
        <source>Trade-off</source>
        <translation>权衡曲线</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>蒙特卡洛模拟</translation>
    </message>
    <message>
        <source>Hedge</source>
        <translation>对冲</translation>
    </message>
    <message>
        <source>The stored what-ifs cannot be read: {error}</source>
        <translation>无法读取已保存的假设情景：{error}</translation>
    </message>
    <message>
        <source>Add what-if “{name}”</source>
        <translation>添加假设情景“{name}”</translation>
    </message>
    <message>
        <source>Edit what-if “{name}”</source>
        <translation>编辑假设情景“{name}”</translation>
    </message>
    <message>
        <source>Duplicate what-if “{name}”</source>
        <translation>复制假设情景“{name}”</translation>
    </message>
    <message>
        <source>Delete what-ifs</source>
        <translation>删除假设情景</translation>
    </message>
    <message>
        <source>Delete {names}? You can undo this.</source>
        <translation>删除 {names}？此操作可以撤销。</translation>
    </message>
    <message>
        <source>Delete what-if “{name}”</source>
        <translation>删除假设情景“{name}”</translation>
    </message>
    <message>
        <source>Delete {n} what-ifs</source>
        <translation>删除 {n} 个假设情景</translation>
    </message>
    <message>
        <source>Run an analysis first.</source>
        <translation>请先运行一项分析。</translation>
    </message>
    <message>
        <source>Export the analyses</source>
        <translation>导出分析结果</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Run a stress test first.</source>
        <translation>请先运行压力测试。</translation>
    </message>
    <message>
        <source>The base plan has no solution to write up.</source>
        <translation>基础计划没有可写入备忘录的解。</translation>
    </message>
    <message>
        <source>Write the memo</source>
        <translation>撰写备忘录</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>its risk score</source>
        <translation>其风险评分</translation>
    </message>
    <message>
        <source>typed here</source>
        <translation>此处输入</translation>
    </message>
    <message>
        <source>the plan file</source>
        <translation>计划文件</translation>
    </message>
    <message>
        <source>outage: the vendor&apos;s whole fleet is dark in that period</source>
        <translation>断供：该供应商的全部设备在该期停止运行</translation>
    </message>
    <message>
        <source>supply cut: the vendor delivers nothing more from then on</source>
        <translation>停止供货：该供应商此后不再交付任何设备</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>开始模拟</translation>
    </message>
    <message>
        <source>The same seed gives the same futures: results can be reproduced</source>
        <translation>相同的种子产生相同的未来情形：结果可复现</translation>
    </message>
    <message>
        <source>Re-assign surviving units each period</source>
        <translation>每期重新分配未受影响的设备</translation>
    </message>
    <message>
        <source>Off: each unit serves the workloads the plan gives it. On: the surviving fleet is re-assigned optimally (slower).</source>
        <translation>关闭：每台设备只服务计划分配给它的工作负载。开启：对未受影响的设备进行最优重新分配（较慢）。</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation>风险评分</translation>
    </message>
    <message>
        <source>Disruption chance per period</source>
        <translation>每期中断概率</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reset to risk scores</source>
        <translation>恢复为按风险评分</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Futures</source>
        <translation>未来情形数</translation>
    </message>
    <message>
        <source>A disruption means</source>
        <translation>中断的含义</translation>
    </message>
    <message>
        <source>Histogram of</source>
        <translation>直方图：</translation>
    </message>
    <message>
        <source>varies by period</source>
        <translation>各期不同</translation>
    </message>
    <message>
        <source>Type a chance (e.g. 10%) to override the risk score</source>
        <translation>输入概率（如 10%）以代替风险评分</translation>
    </message>
    <message>
        <source>All workloads</source>
        <translation>所有工作负载</translation>
    </message>
    <message>
        <source>a chance is between 0% and 100%</source>
        <translation>概率须在 0% 到 100% 之间</translation>
    </message>
    <message>
        <source>The plan has no solution to simulate. Make it feasible first (see Result).</source>
        <translation>计划没有可供模拟的解。请先使其可行（见“结果”）。</translation>
    </message>
    <message>
        <source>In {p} of {n} futures some demand goes unmet (± {se}); on average {expected} PFLOP/s x periods ({share} of demand), {p95} in the worst 5%.</source>
        <translation>在 {n} 个未来情形中，有 {p}（± {se}）出现部分需求未满足；平均缺口为 {expected} PFLOP/s × 期（占需求的 {share}），最差的 5% 情形中达 {p95}。</translation>
    </message>
    <message>
        <source>Simulated {n} futures in {s:.1f} s.</source>
        <translation>已模拟 {n} 个未来情形，用时 {s:.1f} 秒。</translation>
    </message>
    <message>
        <source>Run stress test</source>
        <translation>运行压力测试</translation>
    </message>
    <message>
        <source>Answer the selected what-ifs (all, if none is selected) against the base plan</source>
        <translation>针对基础计划求解所选的假设情景（未选择时求解全部）</translation>
    </message>
    <message>
        <source>Re-plan (had we known in advance)</source>
        <translation>重新规划（假如事先知情）</translation>
    </message>
    <message>
        <source>Hold (keep orders placed before the news)</source>
        <translation>维持已下订单（保留消息传来前已下的订单）</translation>
    </message>
    <message>
        <source>Demand must be met</source>
        <translation>必须满足需求</translation>
    </message>
    <message>
        <source>Off: unmet demand is allowed, priced high and reported. On: a shock that cannot be absorbed is infeasible.</source>
        <translation>关闭：允许需求未被满足，按高价计入成本并予以报告。开启：无法消化的冲击将导致无可行解。</translation>
    </message>
    <message>
        <source>Double-click a row to see what that answer buys</source>
        <translation>双击某一行可查看该应对方式的采购内容</translation>
    </message>
    <message>
        <source>Notes on the shocks appear here.</source>
        <translation>有关冲击的说明显示在此处。</translation>
    </message>
    <message>
        <source>There is no what-if to test. Add one with “New what-if” first.</source>
        <translation>没有可测试的假设情景。请先用“新建假设情景”添加一个。</translation>
    </message>
    <message>
        <source>Choose re-plan, hold or both.</source>
        <translation>请选择重新规划、维持已下订单或两者。</translation>
    </message>
    <message>
        <source>Stress test done: {n} what-ifs answered.</source>
        <translation>压力测试完成：已求解 {n} 个假设情景。</translation>
    </message>
    <message>
        <source>Base plan</source>
        <translation>基础计划</translation>
    </message>
    <message>
        <source>That answer has no plan to show.</source>
        <translation>该应对方式没有可显示的计划。</translation>
    </message>
    <message>
        <source>Draw the curve</source>
        <translation>绘制曲线</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>in</source>
        <translation>，共</translation>
    </message>
    <message>
        <source>points</source>
        <translation>个点</translation>
    </message>
    <message>
        <source>Trade-off curve drawn: {n} points in {s:.1f} s.</source>
        <translation>权衡曲线已绘制：{n} 个点，用时 {s:.1f} 秒。</translation>
    </message>
    <message>
        <source>Current plan: {label} {value}, total cost {cost}.</source>
        <translation>当前计划：{label} {value}，总成本 {cost}。</translation>
    </message>
    <message>
        <source>The current plan does not set this limit (total cost {cost}).</source>
        <translation>当前计划未设置此限制（总成本 {cost}）。</translation>
    </message>
    <message>
        <source>Across the range the cost runs from {low} to {high}.</source>
        <translation>在此范围内，成本介于 {low} 与 {high} 之间。</translation>
    </message>
    <message>
        <source>per unit of money</source>
        <translation>每单位金额</translation>
    </message>
    <message>
        <source>per 0.01 of the risk cap</source>
        <translation>风险上限每 0.01</translation>
    </message>
    <message>
        <source>per percentage point</source>
        <translation>每个百分点</translation>
    </message>
    <message>
        <source>The steepest step tighter costs {cost} {unit}.</source>
        <translation>最陡处再收紧一步（{unit}）的成本为 {cost}。</translation>
    </message>
    <message>
        <source>{n} points have no feasible plan.</source>
        <translation>有 {n} 个点没有可行计划。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Edit what-if</source>
        <translation>编辑假设情景</translation>
    </message>
    <message>
        <source>(no shock: only the changes below)</source>
        <translation>（无冲击：仅下方的修改）</translation>
    </message>
    <message>
        <source>(the shock&apos;s own quarter)</source>
        <translation>（冲击发生的季度）</translation>
    </message>
    <message>
        <source>When the news arrives: orders placed before it are kept in the “hold” answer.</source>
        <translation>消息传来的时间：在“维持已下订单”的结果中，此前已下的订单会被保留。</translation>
    </message>
    <message>
        <source>Shock parameters</source>
        <translation>冲击参数</translation>
    </message>
    <message>
        <source>Changes (applied after the shock)</source>
        <translation>修改（在冲击之后应用）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Shock</source>
        <translation>冲击</translation>
    </message>
    <message>
        <source>News arrives</source>
        <translation>消息传来</translation>
    </message>
    <message>
        <source>Purchase plan: {scenario} ({answer})</source>
        <translation>采购计划：{scenario}（{answer}）</translation>
    </message>
    <message>
        <source>Total cost {cost}</source>
        <translation>总成本 {cost}</translation>
    </message>
    <message>
        <source>{share} of demand unmet</source>
        <translation>{share} 的需求未满足</translation>
    </message>
    <message>
        <source>{spend} stranded</source>
        <translation>闲置 {spend}</translation>
    </message>
    <message>
        <source>{spend} of orders cancelled</source>
        <translation>取消订单 {spend}</translation>
    </message>
    <message>
        <source>Units ordered per period. A row “… (ordered 2026Q2)” holds the orders of that period that the shock reached: stranded, delayed or cut short.</source>
        <translation>每期订购的台数。“…（2026Q2 订购）”一行是受冲击影响的该期订单：闲置、延迟或提前终止支持。</translation>
    </message>
    <message>
        <source>Plan not saved</source>
        <translation>计划尚未保存</translation>
    </message>
    <message>
        <source>“{title}” has not been saved yet.</source>
        <translation>“{title}”尚未保存。</translation>
    </message>
    <message>
        <source>Save it to keep its changes, results and variants; discarded, they are gone for good.</source>
        <translation>保存可保留其修改、结果和变体；放弃后将无法找回。</translation>
    </message>
    <message>
        <source>Recover unsaved plan</source>
        <translation>恢复未保存的计划</translation>
    </message>
    <message>
        <source>Recover the plan you were editing?</source>
        <translation>恢复您正在编辑的计划？</translation>
    </message>
    <message>
        <source>“{title}” was not saved when Procure last ended (last change {when}).</source>
        <translation>Procure 上次结束时“{title}”尚未保存（最后修改于 {when}）。</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Procure user guide</source>
        <translation>Procure 用户指南</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>此安装中缺少用户指南。</translation>
    </message>
    <message>
        <source>Solving “{a}” on its own</source>
        <translation>正在单独求解“{a}”</translation>
    </message>
    <message>
        <source>Holding the orders of “{a}” in “{b}”</source>
        <translation>正在“{b}”中保持“{a}”的订单</translation>
    </message>
    <message>
        <source>Building the hedged programme</source>
        <translation>正在构建对冲规划</translation>
    </message>
    <message>
        <source>Solving the hedged programme</source>
        <translation>正在求解对冲规划</translation>
    </message>
    <message>
        <source>Finding which futures cannot be served together</source>
        <translation>正在查找无法同时满足的未来</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Run hedge</source>
        <translation>运行对冲</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>假设情景</translation>
    </message>
    <message>
        <source>Probability (%)</source>
        <translation>概率（%）</translation>
    </message>
    <message>
        <source>Orders up to and including this period are placed now, the same in every future</source>
        <translation>截至并包括本期的订单现在下达，在每种未来中都相同</translation>
    </message>
    <message>
        <source>Neutral: the cheapest on average. Cautious: weighs the worst futures (CVaR weight)</source>
        <translation>中性：平均成本最低。谨慎：更看重最坏的未来（CVaR 权重）</translation>
    </message>
    <message>
        <source>The worst futures are those beyond this share of probability (CVaR alpha)</source>
        <translation>最坏的未来是超出此概率份额的那些（CVaR alpha）</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Cautious</source>
        <translation>谨慎</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <source>Off: unmet demand is allowed at a high price and counted in the cost. On: a future that cannot be served makes the hedge infeasible.</source>
        <translation>关闭：允许需求未满足，按高价计入成本。开启：任何一种无法满足的未来都会使对冲不可行。</translation>
    </message>
    <message>
        <source>Decide now through</source>
        <translation>现在决定至</translation>
    </message>
    <message>
        <source>Risk attitude</source>
        <translation>风险态度</translation>
    </message>
    <message>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Hedged</source>
        <translation>对冲后</translation>
    </message>
    <message>
        <source>Unhedged</source>
        <translation>未对冲</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>未来</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Hedged cost</source>
        <translation>对冲后成本</translation>
    </message>
    <message>
        <source>Unhedged cost</source>
        <translation>未对冲成本</translation>
    </message>
    <message>
        <source>Double-click a future to see its full purchase plan</source>
        <translation>双击某个未来，查看其完整采购计划</translation>
    </message>
    <message>
        <source>The hedge&apos;s recommendation appears here.</source>
        <translation>对冲的建议显示在这里。</translation>
    </message>
    <message>
        <source>Adopt these orders</source>
        <translation>采纳这些订单</translation>
    </message>
    <message>
        <source>Commit the orders to place now to the plan, as orders already placed (one undoable change)</source>
        <translation>把现在要下的订单作为已下订单写入计划（一次可撤销的更改）</translation>
    </message>
    <message>
        <source>Base plan: {percent}%</source>
        <translation>基准计划：{percent}%</translation>
    </message>
    <message>
        <source>Choose at least one what-if to hedge against.</source>
        <translation>请至少选择一个要对冲的假设情景。</translation>
    </message>
    <message>
        <source>The what-if “{name}” needs a probability above 0%.</source>
        <translation>假设情景“{name}”的概率必须大于 0%。</translation>
    </message>
    <message>
        <source>The what-ifs&apos; probabilities add up to {total}%, more than 100%: they must sum to 100% at most (the base plan gets the rest).</source>
        <translation>假设情景的概率合计为 {total}%，超过 100%：合计最多为 100%（其余归基准计划）。</translation>
    </message>
    <message>
        <source>infeasible</source>
        <translation>不可行</translation>
    </message>
    <message>
        <source>Hedge done: {status}.</source>
        <translation>对冲完成：{status}。</translation>
    </message>
    <message>
        <source>That future has no plan to show.</source>
        <translation>该未来没有可显示的计划。</translation>
    </message>
    <message>
        <source>Purchase plan: {future}</source>
        <translation>采购计划：{future}</translation>
    </message>
    <message>
        <source>The hedge places no orders now: nothing to adopt.</source>
        <translation>对冲现在不下任何订单：没有可采纳的内容。</translation>
    </message>
    <message>
        <source>Adopt the hedge&apos;s orders</source>
        <translation>采纳对冲的订单</translation>
    </message>
    <message>
        <source>The hedge&apos;s orders are now orders already placed (Undo takes them back).</source>
        <translation>对冲的订单现已成为已下订单（撤销可收回）。</translation>
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
    <message>
        <source>Futures by unmet demand</source>
        <translation>按未满足需求划分的未来情形</translation>
    </message>
    <message>
        <source>share of futures (%)</source>
        <translation>未来情形占比 (%)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>total unmet demand, PFLOP/s x periods</source>
        <translation>未满足需求总量，PFLOP/s × 期</translation>
    </message>
    <message>
        <source>Futures by unmet demand: {name} ({futures} futures)</source>
        <translation>按未满足需求划分的未来情形：{name}（{futures} 个未来情形）</translation>
    </message>
    <message>
        <source>What each step of safety costs</source>
        <translation>每多一分安全的代价</translation>
    </message>
    <message>
        <source>Total cost against the {limit}</source>
        <translation>总成本随{limit}的变化</translation>
    </message>
    <message>
        <source>cheapest plan at this limit</source>
        <translation>该限制下成本最低的计划</translation>
    </message>
    <message>
        <source>current plan</source>
        <translation>当前计划</translation>
    </message>
    <message>
        <source>Extra cost against the base plan</source>
        <translation>相对基础计划的额外成本</translation>
    </message>
    <message>
        <source>Demand left unmet (%)</source>
        <translation>未满足的需求 (%)</translation>
    </message>
    <message>
        <source>No bar for answers that leave demand unmet: their cost is not comparable (see Demand left unmet)</source>
        <translation>未满足需求的应对方式不画柱：其成本不可比（见“未满足的需求”）</translation>
    </message>
    <message>
        <source>Cost in each future</source>
        <translation>每种未来的成本</translation>
    </message>
    <message>
        <source>No unhedged bar where the unhedged plan is infeasible</source>
        <translation>未对冲计划不可行的未来没有未对冲柱</translation>
    </message>
    <message>
        <source>hedged</source>
        <translation>对冲后</translation>
    </message>
    <message>
        <source>unhedged</source>
        <translation>未对冲</translation>
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
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限制</translation>
    </message>
    <message>
        <source>Price of one step</source>
        <translation>每一步的代价</translation>
    </message>
    <message>
        <source>Change of total cost for one step of the limit, the step its sentence uses</source>
        <translation>限制每变动一步（与说明句所用的步长相同）时总成本的变化</translation>
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
        <source>BF16 (TFLOP/s)</source>
        <translation>BF16（TFLOP/s）</translation>
    </message>
    <message>
        <source>Memory (GB)</source>
        <translation>显存（GB）</translation>
    </message>
    <message>
        <source>TDP (W)</source>
        <translation>功耗 TDP（W）</translation>
    </message>
    <message>
        <source>Price (US$, mid)</source>
        <translation>价格（美元，中值）</translation>
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
        <source>Power per unit in service, including its share of the server</source>
        <translation>每张在役卡的功率，含服务器分摊</translation>
    </message>
    <message>
        <source>Periods from order to service</source>
        <translation>从下单到投入使用的期数</translation>
    </message>
    <message>
        <source>Power (kW)</source>
        <translation>功率（kW）</translation>
    </message>
    <message>
        <source>Lead time (periods)</source>
        <translation>交付周期（期）</translation>
    </message>
    <message>
        <source>Lifetime (periods)</source>
        <translation>使用寿命（期）</translation>
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
        <source>Answer</source>
        <translation>应对方式</translation>
    </message>
    <message>
        <source>Re-plan: the best plan had we known in advance. Hold: orders placed before the news are kept.</source>
        <translation>重新规划：假如事先知情时的最优计划。维持已下订单：保留消息传来前已下的订单。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Extra cost</source>
        <translation>额外成本</translation>
    </message>
    <message>
        <source>Demand unmet</source>
        <translation>未满足需求</translation>
    </message>
    <message>
        <source>Total cost minus the base plan&apos;s; not comparable when demand goes unmet without a price for it</source>
        <translation>总成本减去基础计划的总成本；若有需求未满足且未计价，则不可比</translation>
    </message>
    <message>
        <source>Stranded spend</source>
        <translation>闲置支出</translation>
    </message>
    <message>
        <source>Capex of units bought that never serve</source>
        <translation>已购买但从未投入使用的设备的资本支出</translation>
    </message>
    <message>
        <source>Cancelled orders</source>
        <translation>取消的订单</translation>
    </message>
    <message>
        <source>Weighted risk</source>
        <translation>加权风险</translation>
    </message>
    <message>
        <source>HHI</source>
        <translation>HHI</translation>
    </message>
    <message>
        <source>Against the base</source>
        <translation>与基础计划相比</translation>
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
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Chance of a shortfall</source>
        <translation>缺口概率</translation>
    </message>
    <message>
        <source>Share of futures with any unmet demand</source>
        <translation>存在未满足需求的未来情形占比</translation>
    </message>
    <message>
        <source>Expected shortfall</source>
        <translation>期望缺口</translation>
    </message>
    <message>
        <source>Mean unmet PFLOP/s x periods over all futures</source>
        <translation>所有未来情形中未满足需求（PFLOP/s × 期）的平均值</translation>
    </message>
    <message>
        <source>Of demand</source>
        <translation>占需求</translation>
    </message>
    <message>
        <source>When short</source>
        <translation>出现缺口时</translation>
    </message>
    <message>
        <source>Mean unmet PFLOP/s x periods in the futures that have a shortfall</source>
        <translation>出现缺口的未来情形中未满足需求（PFLOP/s × 期）的平均值</translation>
    </message>
    <message>
        <source>95th percentile</source>
        <translation>第 95 百分位</translation>
    </message>
    <message>
        <source>Capex</source>
        <translation>资本支出</translation>
    </message>
    <message>
        <source>Cost of one step tighter</source>
        <translation>收紧一步的成本</translation>
    </message>
    <message>
        <source>The extra total cost of the curve&apos;s next point, one step tighter</source>
        <translation>曲线上再收紧一步的下一个点所增加的总成本</translation>
    </message>
    <message>
        <source>Marginal price</source>
        <translation>边际价格</translation>
    </message>
    <message>
        <source>The slope here, from the shadow price: per percentage point of a share, per 0.01 of the risk cap, per unit of money of the budget</source>
        <translation>此处的斜率（来自影子价格）：份额每个百分点、风险上限每 0.01、预算每单位金额</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>假设情景</translation>
    </message>
    <message>
        <source>Shock</source>
        <translation>冲击</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Overrides applied after the shock</source>
        <translation>在冲击之后应用的修改</translation>
    </message>
    <message>
        <source>News arrives</source>
        <translation>消息传来</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
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
    <name>Limits</name>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>份额</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Outage coverage</source>
        <translation>断供覆盖</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>供货</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>电力</translation>
    </message>
    <message>
        <source>Demand</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Follows from the plan</source>
        <translation>由计划决定</translation>
    </message>
    <message>
        <source>per percentage point</source>
        <translation>每个百分点</translation>
    </message>
    <message>
        <source>per 0.01 of risk</source>
        <translation>每 0.01 风险</translation>
    </message>
    <message>
        <source>per unit of money</source>
        <translation>每单位金额</translation>
    </message>
    <message>
        <source>per kW</source>
        <translation>每 kW</translation>
    </message>
    <message>
        <source>per unit</source>
        <translation>每张</translation>
    </message>
    <message>
        <source>per PFLOP/s</source>
        <translation>每 PFLOP/s</translation>
    </message>
    <message>
        <source>per TB</source>
        <translation>每 TB</translation>
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
    <name>Scenarios</name>
    <message>
        <source>base plan</source>
        <translation>基础计划</translation>
    </message>
    <message>
        <source>re-plan</source>
        <translation>重新规划</translation>
    </message>
    <message>
        <source>hold</source>
        <translation>维持已下订单</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>已求解</translation>
    </message>
    <message>
        <source>Base plan</source>
        <translation>基础计划</translation>
    </message>
    <message>
        <source>not comparable</source>
        <translation>不可比</translation>
    </message>
    <message>
        <source>All workloads</source>
        <translation>所有工作负载</translation>
    </message>
    <message>
        <source>Changes only</source>
        <translation>仅修改</translation>
    </message>
    <message>
        <source>cap on {target} share of new spend</source>
        <translation>{target} 类在新增支出中的占比上限</translation>
    </message>
    <message>
        <source>floor on {target} share of new spend</source>
        <translation>{target} 类在新增支出中的占比下限</translation>
    </message>
    <message>
        <source>cap on spend-weighted vendor risk</source>
        <translation>支出加权供应商风险上限</translation>
    </message>
    <message>
        <source>outage coverage</source>
        <translation>断供覆盖率</translation>
    </message>
    <message>
        <source>total budget</source>
        <translation>总预算</translation>
    </message>
    <message>
        <source>cap on any vendor&apos;s share of new spend</source>
        <translation>任一供应商在新增支出中的占比上限</translation>
    </message>
    <message>
        <source>cap on {target}&apos;s share of new spend</source>
        <translation>{target} 在新增支出中的占比上限</translation>
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
        <source>Compact: {example}</source>
        <translation>简洁：{example}</translation>
    </message>
    <message>
        <source>Full: {example}</source>
        <translation>完整：{example}</translation>
    </message>
    <message>
        <source>Symbol: {example}</source>
        <translation>符号：{example}</translation>
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
<context>
    <name>Templates</name>
    <message>
        <source>Export licence requirement</source>
        <translation>出口许可要求</translation>
    </message>
    <message>
        <source>From quarter</source>
        <translation>起始季度</translation>
    </message>
    <message>
        <source>Until quarter (licences resume after it)</source>
        <translation>截止季度（此后恢复许可）</translation>
    </message>
    <message>
        <source>Vendors (default: all imported)</source>
        <translation>供应商（默认：全部进口供应商）</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>芯片</translation>
    </message>
    <message>
        <source>Orders in transit</source>
        <translation>在途订单</translation>
    </message>
    <message>
        <source>stranded: paid, never delivered; cancelled: not paid</source>
        <translation>闲置：已付款但不交付；取消：不付款</translation>
    </message>
    <message>
        <source>stranded</source>
        <translation>闲置（已付款、不交付）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>取消（不付款）</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>照常交付</translation>
    </message>
    <message>
        <source>Licence with a fee and a volume cap</source>
        <translation>附带费用和数量上限的许可</translation>
    </message>
    <message>
        <source>Until quarter</source>
        <translation>截止季度</translation>
    </message>
    <message>
        <source>Fee (share of the price)</source>
        <translation>费用（占价格的比例）</translation>
    </message>
    <message>
        <source>Volume cap (share of the allocation)</source>
        <translation>数量上限（占配额的比例）</translation>
    </message>
    <message>
        <source>Volume cap (units per quarter)</source>
        <translation>数量上限（每季度台数）</translation>
    </message>
    <message>
        <source>Buyer-side import ban</source>
        <translation>买方进口禁令</translation>
    </message>
    <message>
        <source>cancelled: not paid; stranded: paid, never delivered</source>
        <translation>取消：不付款；闲置：已付款但不交付</translation>
    </message>
    <message>
        <source>A supplier exits</source>
        <translation>供应商退出</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Quarters its fleet stays supported (empty: to the end)</source>
        <translation>其机群仍获支持的季度数（空：直到期末）</translation>
    </message>
    <message>
        <source>In-house chip slips</source>
        <translation>自研芯片延期</translation>
    </message>
    <message>
        <source>Quarters of slip</source>
        <translation>延期季度数</translation>
    </message>
    <message>
        <source>Chips (default: all in-house)</source>
        <translation>芯片（默认：全部自研芯片）</translation>
    </message>
    <message>
        <source>Known from quarter (default: when its supply starts)</source>
        <translation>获知季度（默认：其供应开始时）</translation>
    </message>
    <message>
        <source>HBM shortage</source>
        <translation>HBM 短缺</translation>
    </message>
    <message>
        <source>Supply cut (share)</source>
        <translation>供应削减（比例）</translation>
    </message>
    <message>
        <source>Memory type (matches e.g. HBM3e for HBM)</source>
        <translation>显存类型（例如 HBM 可匹配 HBM3e）</translation>
    </message>
    <message>
        <source>Chips (instead of the memory type)</source>
        <translation>芯片（代替显存类型）</translation>
    </message>
    <message>
        <source>Price shock</source>
        <translation>价格冲击</translation>
    </message>
    <message>
        <source>Price change (share, 0.2 = +20%)</source>
        <translation>价格变动（比例，0.2 = +20%）</translation>
    </message>
    <message>
        <source>Vendors</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Categories (all chips if nothing is chosen)</source>
        <translation>类别（未选择时为全部芯片）</translation>
    </message>
    <message>
        <source>Loss of a shared supplier (risk group)</source>
        <translation>失去共同供应方（风险组）</translation>
    </message>
    <message>
        <source>Risk group</source>
        <translation>风险组</translation>
    </message>
    <message>
        <source>Installed units</source>
        <translation>已安装设备</translation>
    </message>
    <message>
        <source>kept: they keep working; dark: out of service from the quarter</source>
        <translation>kept：继续运行；dark：自该季度起停用</translation>
    </message>
    <message>
        <source>Exchange-rate shock</source>
        <translation>汇率冲击</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Rate change (share, 0.1 = +10%)</source>
        <translation>汇率变化（比例，0.1 = +10%）</translation>
    </message>
    <message>
        <source>What is cut</source>
        <translation>削减对象</translation>
    </message>
    <message>
        <source>Risk group (its chips, instead of the memory type)</source>
        <translation>风险组（其芯片，代替显存类型）</translation>
    </message>
    <message>
        <source>supply: units of the chips; memory: the HBM on each unit (version 2, where workloads have a memory demand), for the whole horizon</source>
        <translation>supply：芯片数量；memory：每张卡的 HBM（第 2 版，工作负载有显存需求时），整个规划期</translation>
    </message>
</context>
</TS>
